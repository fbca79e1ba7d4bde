import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { invoiceStream } from '../../aggregates/invoice/invoice.decider';
import { businessDate } from '../../core/business-time';
import { type InvoiceDocument, invoicesCollection } from '../../projections/financial/invoices.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { ConnectionArgs, connectionOfList } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { InvoicesArgs, invoiceSorts } from './invoice.inputs';
import { Invoice, InvoiceConnection, PaymentConnection, paymentOrder, toInvoice, unpaidStatuses } from './invoice.type';

const todayOf = ({ services }: GraphQLContext) => businessDate(services.clock(), services.settings.businessTimeZone);

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Authorized('VIEWER')
  @Query(() => InvoiceConnection, { complexity: pageComplexity })
  invoices(@Args() args: InvoicesArgs, @Ctx() context: GraphQLContext): Promise<InvoiceConnection> {
    const today = todayOf(context);
    const builder = new DocumentFilterBuilder()
      .oneOf('clientId', args.filter?.clientId)
      .oneOf('projectId', args.filter?.projectId)
      .oneOf('status', args.filter?.status)
      .equals('kind', args.filter?.kind)
      .dates('issuedOn', args.filter?.issuedOn)
      .dates('dueOn', args.filter?.dueOn);
    // Overdue narrows the status list (if any) to its unpaid members and cuts dueOn at today.
    if (args.filter?.overdueOnly) {
      builder.oneOf('status', unpaidStatuses.filter((status) => args.filter?.status?.includes(status) ?? true)).bounds('dueOn', { $lt: today });
    }
    return findPage<InvoiceDocument, Invoice>(context, invoicesCollection, { filter: builder.build(), sort: invoiceSorts[args.sort] }, args, toInvoice(today));
  }

  @Authorized('VIEWER')
  @Query(() => Invoice, { nullable: true })
  invoice(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Invoice | null> {
    return findOne(context, invoicesCollection, lookupIdOf('Invoice', id), toInvoice(todayOf(context)));
  }

  @FieldResolver(() => PaymentConnection, { complexity: pageComplexity, description: 'Payments and refund lines, in the order they were received.' })
  payments(@Root() invoice: Invoice, @Args() args: ConnectionArgs): PaymentConnection {
    return connectionOfList(invoice.paymentLines, paymentOrder, args);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The invoice's event stream, oldest first; cursor = revision." })
  history(@Root() invoice: Invoice, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, invoiceStream(invoice.invoiceId), args);
  }
}
