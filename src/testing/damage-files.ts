import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';

/**
 * Flips one byte of a file in place, at the first occurrence of `marker` (which must be unique in
 * the file, e.g. a value stored in one event): damage as a failing disk or a stray write makes it.
 */
export function flipByteAt(path: string, marker: string): void {
  const offset = readFileSync(path).indexOf(Buffer.from(marker));
  if (offset < 0) throw new Error(`${marker} is not in ${path}`);
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    writeSync(fd, Buffer.from([byte[0]! ^ 0x01]), 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites `length` bytes at `fraction` of the file with garbage (a torn or scribbled page). */
export function scribble(path: string, fraction: number, length = 4_096): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, Math.floor(size * fraction));
  } finally {
    closeSync(fd);
  }
}
