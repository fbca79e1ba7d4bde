import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fillEventStore } from './projections-fill.bench';
import { startBenchApp } from './graphql-servers.bench';
import { KpiSource } from '../schema/dashboards/kpi-source';
import { serviceDeliveryFields } from '../schema/dashboards/service-delivery.fields';
import { financialFields } from '../schema/dashboards/financial-dashboard.fields';
import { clientsSupportFields } from '../schema/dashboards/clients-support.fields';
import { requestReads } from '../projections/shared/request-reads';

async function main() {
  const dir = process.env.DIR ?? '/work/dash2y';
  const years = Number(process.env.YEARS ?? 2);
  if (!existsSync(join(dir, 'events.sqlite'))) {
    const fill = await fillEventStore(join(dir, 'events.sqlite'), { seed: 2025, years, startDate: years === 2 ? '2024-07-01' : '2016-07-01', ...(years === 10 ? { scale: 2.2 } : {}) });
    console.log('filled', fill.events);
  }
  const { app } = await startBenchApp(dir);
  await app.logChecked;
  for (;;) {
    const status = app.services.projections.status();
    if (status.every((entry) => entry.rebuild === null && entry.position !== null)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const head = await app.services.eventStore.headPosition();
  console.log('caught up', await app.services.projections.waitFor(head!, 600_000));
  const s = app.schemaServices;
  const from = process.env.FROM ?? '2024-07-01', to = process.env.TO ?? '2026-06-30';
  const sets: Record<string, Record<string, any>> = { sd: serviceDeliveryFields, fin: financialFields, cs: clientsSupportFields };
  for (const name of (process.env.SETS ?? 'sd,fin,cs').split(',')) {
    const fields = sets[name]!;
    for (const [kpi, field] of Object.entries(fields)) {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const source = new KpiSource({ context: { ...s.kpi, reads: requestReads(s.kpi.reads) }, period: { from, to }, at: s.clock(), asOf: false, services: s }, null);
        const c = process.cpuUsage();
        await field(source, kpi);
        const u = process.cpuUsage(c);
        samples.push((u.user + u.system) / 1000);
      }
      samples.sort((a, b) => a - b);
      console.log(`${name} ${kpi.padEnd(28)} cpu median ${samples[3]!.toFixed(1)} ms  min ${samples[0]!.toFixed(1)}`);
    }
    const whole: number[] = [];
    for (let i = 0; i < 7; i++) {
      const source = new KpiSource({ context: { ...s.kpi, reads: requestReads(s.kpi.reads) }, period: { from, to }, at: s.clock(), asOf: false, services: s }, null);
      const c = process.cpuUsage();
      await Promise.all(Object.entries(fields).map(([kpi, field]) => field(source, kpi)));
      const u = process.cpuUsage(c);
      whole.push((u.user + u.system) / 1000);
    }
    whole.sort((a, b) => a - b);
    console.log(`${name} WHOLE one request            cpu median ${whole[3]!.toFixed(1)} ms  min ${whole[0]!.toFixed(1)}`);
  }
  await app.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
