import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import type { InvoiceStatus } from '../../projections/financial/invoices.projection';
import { InvoiceKindEnum } from '../enums/domain.enums';
import { InvoiceStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { DateRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class InvoiceFilter {
  @Field(() => [ID], { nullable: true }) clientId?: string[] | null;
  @Field(() => [ID], { nullable: true }) projectId?: string[] | null;
  @Field(() => [InvoiceStatusEnum], { nullable: true }) status?: InvoiceStatus[] | null;
  @Field(() => InvoiceKindEnum, { nullable: true }) kind?: InvoiceKind | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() issuedOn?: DateRangeInput | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() dueOn?: DateRangeInput | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only unpaid invoices due before today (business time zone).' })
  overdueOnly?: boolean | null;
}

export enum InvoiceSort {
  ISSUED_ON_DESC = 'ISSUED_ON_DESC',
  ISSUED_ON_ASC = 'ISSUED_ON_ASC',
  DUE_ON_ASC = 'DUE_ON_ASC',
  BALANCE_DESC = 'BALANCE_DESC',
  AMOUNT_DESC = 'AMOUNT_DESC',
}
registerEnumType(InvoiceSort, { name: 'InvoiceSort' });

export const invoiceSorts: Record<InvoiceSort, SortSpec> = {
  ISSUED_ON_DESC: [['issuedOn', -1]],
  ISSUED_ON_ASC: [['issuedOn', 1]],
  DUE_ON_ASC: [['dueOn', 1]],
  BALANCE_DESC: [['balanceCents', -1]],
  AMOUNT_DESC: [['amountCents', -1]],
};

@ArgsType()
export class InvoicesArgs extends ConnectionArgs {
  @Field(() => InvoiceFilter, { nullable: true }) @ValidateNested() filter?: InvoiceFilter | null;
  @Field(() => InvoiceSort, { defaultValue: InvoiceSort.ISSUED_ON_DESC }) sort: InvoiceSort = InvoiceSort.ISSUED_ON_DESC;
}
