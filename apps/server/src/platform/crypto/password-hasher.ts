import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot read). */
const argon2id = 2;

/** Hashes and verifies passwords. A port so services never touch the algorithm. */
export interface PasswordHasher {
  /** Returns a PHC string (`$argon2id$v=19$m=65536,t=3,p=4$…`). */
  hash(password: string): Promise<string>;
  /** Constant-time check of a password against a PHC string; false for any malformed hash. */
  verify(phcString: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as a real verification and returns false. Used for unknown accounts so that
   * "no such email" and "wrong password" take the same time.
   */
  verifyAgainstDummy(password: string): Promise<false>;
}

export interface Argon2Parameters {
  timeCost: number;
  /** Memory in KiB. */
  memoryKiB: number;
  parallelism: number;
}

/** Argon2id (RFC 9106) with the given cost; production uses t=3, m=64 MiB, p=4. */
export function createArgon2PasswordHasher(parameters: Argon2Parameters): PasswordHasher {
  const options = {
    algorithm: argon2id,
    timeCost: parameters.timeCost,
    memoryCost: parameters.memoryKiB,
    parallelism: parameters.parallelism,
  };
  let dummyHash: Promise<string> | null = null;
  const hashPassword = (password: string) => hash(password, options);
  const verifyPassword = async (phcString: string, password: string) => {
    try {
      return await verify(phcString, password);
    } catch {
      return false;
    }
  };
  return {
    hash: hashPassword,
    verify: verifyPassword,
    async verifyAgainstDummy(password) {
      dummyHash ??= hashPassword('dummy password for timing equalisation');
      await verifyPassword(await dummyHash, password);
      return false;
    },
  };
}
