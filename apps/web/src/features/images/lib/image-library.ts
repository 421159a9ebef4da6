/** An image kept in this browser, as the gallery shows it. */
export interface LibraryImage {
  fileId: string;
  /** `img-3`: the name the model knew it by in its chat. */
  handle: string;
  conversationId: string;
  mimeType: string;
  bytes: ArrayBuffer;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The name it downloads as. */
  filename: string;
}

/** Where the gallery reads and deletes images (the chat's browser database, wired by the route). */
export interface ImageLibrary {
  /** Newest first. */
  list: () => Promise<LibraryImage[]>;
  remove: (fileId: string) => Promise<void>;
}
