// The workbook's ZIP package, written part after part as its text comes: node:zlib deflates and checks
// each piece, fflate's Zip frames the parts (local headers, data descriptors, the central directory).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/** Where the package's bytes go, in order: a file descriptor, or memory. */
export type PackageSink = (bytes: Uint8Array) => void;

/** Bytes gathered before they are deflated: enough for deflate to find its repeats, little to hold. */
const pieceSize = 1 << 21;

/**
 * Zip without ZIP64 (fflate writes none) records sizes in 32 bits. A part that large would be a
 * workbook of tens of millions of rows, which no spreadsheet program opens (Excel stops at 1,048,576).
 */
const largestPart = 0xffff_ffff;

/**
 * Each piece is deflated on its own and ended with a sync flush, which leaves the stream open on a
 * byte boundary; the pieces then read as one deflate stream, closed by an empty final block (the
 * technique of parallel gzip). Level 1: the XML repeats itself so much that higher levels buy little.
 */
const deflateOptions = { level: 1, finishFlush: constants.Z_SYNC_FLUSH };
const finalBlock = deflateRawSync(Buffer.alloc(0));

/** One part being written: text in, then end. */
export interface PackagePart {
  write(text: string): void;
  end(): void;
}

export class WorkbookPackage {
  readonly #zip: Zip;
  readonly #modified: Date;
  /** Reused by every part: text is encoded straight into it, with no long strings built. */
  readonly #piece = Buffer.allocUnsafe(pieceSize);

  constructor(sink: PackageSink, modified: Date) {
    this.#modified = modified;
    this.#zip = new Zip((error, bytes) => {
      if (error) throw error;
      sink(bytes);
    });
  }

  /** A part of the package, written before the next is begun. */
  part(name: string): PackagePart {
    const file: ZipInputFile = { filename: name, size: 0, crc: 0, compression: 8, mtime: this.#modified };
    this.#zip.add(file);
    const piece = this.#piece;
    let filled = 0;
    let size = 0;
    let crc = 0;
    const deflate = (bytes: Uint8Array) => {
      size += bytes.length;
      if (size > largestPart) throw new Error(`The workbook's ${name} is too large to write (over 4 GiB).`);
      crc = crc32(bytes, crc);
      file.ondata!(null, deflateRawSync(bytes, deflateOptions), false);
    };
    const flush = () => {
      if (filled > 0) deflate(piece.subarray(0, filled));
      filled = 0;
    };
    return {
      write(text) {
        // UTF-8 takes at most three bytes for each UTF-16 unit.
        if (filled + text.length * 3 > pieceSize) flush();
        if (text.length * 3 > pieceSize) deflate(Buffer.from(text, 'utf8'));
        else filled += piece.write(text, filled);
      },
      end() {
        flush();
        file.size = size;
        file.crc = crc;
        file.ondata!(null, finalBlock, true);
      },
    };
  }

  /** A small part written whole. */
  add(name: string, text: string): void {
    const part = this.part(name);
    part.write(text);
    part.end();
  }

  /** Writes the central directory: the package is complete. */
  end(): void {
    this.#zip.end();
  }
}
