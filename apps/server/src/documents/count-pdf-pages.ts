import { getDocumentProxy } from 'unpdf';

/** Pages in a PDF Chromium just printed (trusted input: a PDF we made, not an upload). */
export async function countPdfPages(pdf: Buffer): Promise<number> {
  // pdf.js may take ownership of the array it is given: hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0, isEvalSupported: false });
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
