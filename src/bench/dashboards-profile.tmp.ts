import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { graphql, print } from 'graphql';
import { addDays } from '../core/business-time';
import {
  ClientsSupportDashboardDocument, FinancialDashboardDocument, KpiSeriesDocument, KpiTargetsDocument,
  OperationsDashboardDocument, SalesPipelineDashboardDocument, ServiceDeliveryDashboardDocument,
} from '../schema/__generated__/operations';
import { buildAppSchema } from '../schema/build-schema';
import { kpiCacheOf } from '../schema/dashboards/kpi-cache';
import { KpiSource } from '../schema/dashboards/kpi-source';
import { requestReads } from '../projections/shared/request-reads';
import { financialFields } from '../schema/dashboards/financial-dashboard.fields';
import { clientsSupportFields } from '../schema/dashboards/clients-support.fields';
import { operationsFields } from '../schema/dashboards/operations.fields';
import { serviceDeliveryFields } from '../schema/dashboards/service-delivery.fields';
import { salesPipelineFields } from '../schema/dashboards/sales-pipeline.fields';
import { startBenchApp } from './graphql-servers.bench';
import { fillEventStore } from './projections-fill.bench';

const docs: Record<string, string> = {
  sd: print(ServiceDeliveryDashboardDocument), fin: print(FinancialDashboardDocument), tgt: print(KpiTargetsDocument),
  cs: print(ClientsSupportDashboardDocument), sales: print(SalesPipelineDashboardDocument), ops: print(OperationsDashboardDocument),
};
async function main() {
  const years = Number(process.env.YEARS ?? 2);
  const dir = process.env.DIR ?? `/tmp/dash-prof/${years}y`;
  mkdirSync(dir, { recursive: true });
  const history = years === 2 ? { seed: 2025, years: 2, startDate: '2024-07-01' } : { seed: 2025, years: 10, startDate: '2016-07-01', scale: 2.2 };
  const path = join(dir, 'events.sqlite');
  if (!existsSync(path)) { const f = await fillEventStore(path, history); console.log('filled', f.events, f.seconds); }
  const { app } = await startBenchApp(dir);
  await app.logChecked;
  const schema = await buildAppSchema();
  const context = { services: app.services, platform: (app as any).platform, principal: { keyId: 'b', name: 'b', role: 'VIEWER' as const }, requestId: 'b', correlationId: 'b' };
  const end = addDays(history.startDate, Math.round(years * 365));
  const to = addDays(end, -1);
  const only = (process.env.ONLY ?? Object.keys(docs).join(',')).split(',');
  const lens = (process.env.LENS ?? '730').split(',').map(Number);
  const run = async (name: string, source: string, variables: any) => {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const r = await graphql({ schema, source, variableValues: variables, contextValue: context });
    const cpu = process.cpuUsage(c0);
    const ms = performance.now() - t;
    (globalThis as any).lastCpu = (cpu.user + cpu.system) / 1000;
    if (r.errors) throw new Error(JSON.stringify(r.errors).slice(0, 400));
    return ms;
  };
  if (process.env.FIELDS) {
    const sets: Record<string, any> = { fin: financialFields, cs: clientsSupportFields, ops: operationsFields, sd: serviceDeliveryFields, sales: salesPipelineFields };
    for (let round = 0; round < 2; round++) for (const name of only) for (const len of lens) {
      const period = { from: addDays(to, -len), to };
      const source = new KpiSource({ context: { ...app.services.kpi, reads: requestReads(app.services.kpi.reads) }, period, at: app.services.clock(), asOf: false, services: app.services }, null);
      const parts: string[] = [];
      for (const [field, compute] of Object.entries(sets[name] as Record<string, any>)) {
        const t = performance.now();
        const c = process.cpuUsage();
        await compute(source, field);
        const cpu = process.cpuUsage(c);
        parts.push(`${field} ${(performance.now() - t).toFixed(1)}/${((cpu.user + cpu.system) / 1000).toFixed(1)}`);
      }
      if (round === 1) console.log(`${name} ${len}d: ${parts.join(', ')}`);
    }
    await app.stop();
    return;
  }
  for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) {
    for (const name of only) {
      if (name === 'series') {
        for (const kpi of ['BILLABLE_UTILISATION', 'REVENUE_ACCRUAL_CENTS', 'COSTS_CENTS', 'CSAT', 'PAID_WITHIN_30_DAYS_RATE', 'FIRST_RESPONSE_P90_MINUTES']) {
          kpiCacheOf(app.services).clear();
          const ms = await run(kpi, print(KpiSeriesDocument), { kpi, period: { from: addDays(to, -730).slice(0, 8) + '01', to: to.slice(0, 8) + '01' }, bucket: 'MONTH' });
          console.log(`round ${round} series ${kpi}: ${ms.toFixed(1)} ms (cpu ${(globalThis as any).lastCpu.toFixed(1)})`);
        }
        continue;
      }
      for (const len of lens) {
        kpiCacheOf(app.services).clear();
        const period = { from: addDays(to, -len), to };
        const first = await run(name, docs[name]!, { period });
        (globalThis as any).firstCpu = (globalThis as any).lastCpu;
        const rep = await run(name, docs[name]!, { period });
        console.log(`round ${round} ${name} ${len}d: first ${first.toFixed(1)} ms (cpu ${(globalThis as any).firstCpu.toFixed(1)}), repeat ${rep.toFixed(2)} ms`);
      }
    }
  }
  await app.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
