import { Field, ObjectType } from 'type-graphql';
import { kpiComplexity } from './kpi.type';
import { ManualWorkReductionKpi, ManualWorkSavedKpi, ProjectionLagKpi, SyncStatusKpi, WebhookDeliveriesKpi, WorkflowRunsKpi } from './operations.type';

const kpi = { complexity: kpiComplexity };

@ObjectType({ simpleResolvers: true, description: 'Operations KPIs for a period (kpis.md, "Operations").' })
export class OperationsDashboard {
  @Field(() => SyncStatusKpi, { ...kpi, description: 'Per data source, its latest runs and health now (or at asOf).' })
  syncStatus!: SyncStatusKpi;
  @Field(() => WebhookDeliveriesKpi, { ...kpi, description: 'Per tool, deliveries received, processed, rejected, failed and parked in the period; backlog at its end.' })
  webhookDeliveries!: WebhookDeliveriesKpi;
  @Field(() => WorkflowRunsKpi, { ...kpi, description: 'Per workflow, runs, outcomes and success rate in the period.' })
  workflowRuns!: WorkflowRunsKpi;
  @Field(() => ManualWorkSavedKpi, { ...kpi, description: 'Minutes of manual work replaced by workflow runs that succeeded in the period.' })
  manualWorkSaved!: ManualWorkSavedKpi;
  @Field(() => ManualWorkReductionKpi, { ...kpi, description: 'Saved ÷ (saved + manual admin), in the period. Target ≥ 50 %.' })
  manualWorkReduction!: ManualWorkReductionKpi;
  @Field(() => ProjectionLagKpi, {
    ...kpi,
    nullable: true,
    description: "Events and seconds between the store's head and each read model, now. Null as of an instant: past lag is not recorded.",
  })
  projectionLag!: ProjectionLagKpi | null;
}
