import { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import yauzl from 'yauzl';

/**
 * A zip in S3, read by yauzl through ranged GetObject requests: the central directory sits at the
 * end of the zip, so yauzl needs random access, and nothing here ever holds the whole zip.
 *
 * yauzl reads the central directory in many tiny pieces (46 bytes, then the name; per entry) and
 * each entry's local header in two more. Those small reads are served from a few cached blocks
 * (`blockBytes` each), so 20,000 entries cost a handful of requests rather than 40,000. File data
 * is streamed straight from S3, one request per entry, and never cached.
 */
export class S3ZipReader extends yauzl.RandomAccessReader {
  private readonly blocks = new Map<number, Promise<Buffer>>();
  /** Requests made, for tests and logs. */
  requests = 0;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    readonly size: number,
    /** The object as it was checked: a replaced object fails the read (412) instead of mixing two zips. */
    private readonly etag?: string,
    private readonly blockBytes = 256 * 1024,
    private readonly maxBlocks = 8,
  ) {
    super();
  }

  private async range(start: number, endExclusive: number) {
    this.requests++;
    const res = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: this.key, Range: `bytes=${start}-${endExclusive - 1}`, ...(this.etag ? { IfMatch: this.etag } : {}) }),
    );
    return res.Body as Readable;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // yauzl wants a stream synchronously; the request starts when it is read.
    const self = this;
    let source: Readable | undefined;
    return new Readable({
      read() {
        if (source) return void source.resume();
        self
          .range(start, end)
          .then((body) => {
            source = body;
            body.on('data', (chunk: Buffer) => {
              if (!this.push(chunk)) body.pause();
            });
            body.on('end', () => this.push(null));
            body.on('error', (err) => this.destroy(err));
          })
          .catch((err: unknown) => this.destroy(err as Error));
      },
      destroy(err, callback) {
        source?.destroy();
        callback(err);
      },
    });
  }

  private block(index: number): Promise<Buffer> {
    let hit = this.blocks.get(index);
    if (hit) {
      // Most recently used last.
      this.blocks.delete(index);
      this.blocks.set(index, hit);
      return hit;
    }
    const start = index * this.blockBytes;
    const end = Math.min(this.size, start + this.blockBytes);
    hit = this.range(start, end).then(async (body) => {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    hit.catch(() => this.blocks.delete(index));
    this.blocks.set(index, hit);
    while (this.blocks.size > this.maxBlocks) this.blocks.delete(this.blocks.keys().next().value!);
    return hit;
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    const run = async () => {
      let copied = 0;
      while (copied < length && position + copied < this.size) {
        const at = position + copied;
        const index = Math.floor(at / this.blockBytes);
        const data = await this.block(index);
        const from = at - index * this.blockBytes;
        const n = Math.min(length - copied, data.length - from);
        if (n <= 0) break;
        data.copy(buffer, offset + copied, from, from + n);
        copied += n;
      }
      return copied;
    };
    run().then(
      (n) => callback(null, n),
      (err: Error) => callback(err),
    );
  }
}
