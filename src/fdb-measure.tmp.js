const { MongoClient, Long } = require('mongodb');
(async () => {
  const c = new MongoClient('mongodb://127.0.0.1:42819/', { useBigInt64: true }); await c.connect();
  const db = c.db('m'); const col = db.collection('x');
  let t = Date.now();
  await col.insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: 'd' + i, v: i, _position: Long.fromBigInt(1n) })), { ordered: false });
  console.log('insertMany 5000', Date.now() - t);
  t = Date.now();
  await col.bulkWrite(Array.from({ length: 1000 }, (_, i) => ({ replaceOne: { filter: { _id: 'd' + i, _position: { $lt: Long.fromBigInt(2n) } }, replacement: { v: 2, _position: Long.fromBigInt(2n) } } })), { ordered: false });
  console.log('replaceOne 1000 guarded', Date.now() - t);
  t = Date.now();
  const found = await col.find({ _id: { $in: Array.from({ length: 5000 }, (_, i) => 'd' + i) } }, { projection: { _position: 1 } }).toArray();
  console.log('find $in 5000', Date.now() - t, found.length);
  t = Date.now();
  await col.deleteMany({ _id: { $in: Array.from({ length: 1000 }, (_, i) => 'd' + i) } });
  console.log('deleteMany 1000', Date.now() - t);
  t = Date.now();
  try { await col.insertMany([{ _id: 'd2000' }, { _id: 'new1' }], { ordered: false }); } catch (e) { console.log('dup', e.code, JSON.stringify(e.writeErrors?.map(w=>w.index))); }
  console.log(await col.findOne({ _id: 'new1' }));
  await c.close();
})();
