import type { SchemaServices } from '../schema/schema-services';
import type { Period } from '../core/business-time';
import { financialFields } from '../schema/dashboards/financial-dashboard.fields';
import { KpiSource } from '../schema/dashboards/kpi-source';

const rounds = 10;

/**
 * Where an uncached financial dashboard spends its time: each KPI alone on the live read models
 * (its read-model queries, the fold in memory and the mapping), median of `rounds` runs.
 */
export async function profileFinancialKpis(services: SchemaServices, period: Period): Promise<Array<{ kpi: string; ms: number }>> {
  const source = () => new KpiSource({ context: services.kpi, period, at: services.clock(), asOf: false, services }, null);
  const timings: Array<{ kpi: string; ms: number }> = [];
  for (const [kpi, field] of Object.entries(financialFields)) {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      await field(source(), kpi);
      samples.push(performance.now() - started);
    }
    timings.push({ kpi, ms: samples.sort((a, b) => a - b)[Math.floor(rounds / 2)]! });
  }
  timings.sort((a, b) => b.ms - a.ms);
  const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
  console.log(`  each financial KPI alone, uncached (median of ${rounds}); ${total.toFixed(1)} ms in all if run one after another:`);
  for (const { kpi, ms } of timings) console.log(`    ${kpi.padEnd(26)} ${ms.toFixed(2).padStart(7)} ms`);
  return timings;
}
