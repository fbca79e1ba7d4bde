import type { ReactNode } from 'react';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  readonly numeric?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, id }: { caption: string; columns: ReadonlyArray<Column<T>>; rows: readonly T[]; rowKey: (row: T) => string; id?: string }) {
  return (
    <div className="table-wrap">
      <table data-table={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                Nothing in this period.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Status({ error, loading }: { error: string | null; loading: boolean }) {
  if (error) return <p className="error" role="alert">{error}</p>;
  if (loading) return <p className="loading" aria-live="polite">Loading…</p>;
  return null;
}
