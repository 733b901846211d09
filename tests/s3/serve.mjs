// Serves the S3 API on loopback from a folder, for the tests of the S3 file store (tests/Marketplace.Tests/Support/S3Server.cs
// starts it). Usage: node serve.mjs FOLDER BUCKET [PORT]; prints {"port": N} once listening, and stops when its standard input
// closes, so that it never outlives the test run that started it.
import fs from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';

const [folder, bucket, port = '0'] = process.argv.slice(2);
if (!folder || !bucket) {
  console.error('usage: node serve.mjs FOLDER BUCKET [PORT]');
  process.exit(2);
}
// s3rver's default credentials (S3RVER / S3RVER) sign every request, as a real store's keys would.
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory: folder,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
// The AWS SDK for .NET 4 sends a copy's source with every '/' encoded (x-amz-copy-source: bucket%2Fuploads%2F…), as S3
// accepts; s3rver splits it with decodeURI, which leaves %2F alone, and finds no such bucket. Decoded here first.
server.middleware.unshift(async (ctx, next) => {
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = decodeURIComponent(source);
  await next();
});
// s3rver answers AbortMultipartUpload (DELETE /bucket/key?uploadId=…) with 405 and keeps the parts; S3 deletes them. The
// store's tests count the uploads still open (uploads/ under the bucket's folder), so this server aborts as S3 does.
server.middleware.unshift(async (ctx, next) => {
  const uploadId = ctx.query.uploadId;
  if (ctx.method !== 'DELETE' || typeof uploadId !== 'string' || !/^[0-9a-f]+$/.test(uploadId)) return next();
  const bucket = decodeURIComponent(ctx.path.split('/')[1] ?? '');
  const upload = path.join(server.store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
  await fs.rm(upload, { recursive: true, force: true });
  ctx.status = 204;
});
const { port: listening } = await server.run();
console.log(JSON.stringify({ port: listening }));

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
