/** The four folders every client gets in Nextcloud, under `Clients/<name>`. */
export const clientSubfolders = ['Contracts', 'Proposals', 'Deliverables', 'Reports'] as const;

/** A client name as one path segment: no slashes, no leading dots, spaces collapsed. */
export function folderSegment(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').replace(/^\.+/, '').trim();
  return cleaned.length > 0 ? cleaned : 'Unnamed client';
}

export const clientFolder = (name: string): string => `Clients/${folderSegment(name)}`;

/** Every folder from `Clients` down, parents first (MKCOL needs the parent to exist). */
export function clientFolderTree(name: string): string[] {
  const root = clientFolder(name);
  return ['Clients', root, ...clientSubfolders.map((folder) => `${root}/${folder}`)];
}
