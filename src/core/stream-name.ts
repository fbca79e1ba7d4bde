import { ValidationError } from './errors';

const categoryPattern = /^[A-Z][A-Za-z0-9]*$/;

/** Streams are named `<Category>-<id>`; the category is everything before the first dash. */
export function streamName(category: string, id: string): string {
  if (!categoryPattern.test(category)) {
    throw new ValidationError('stream.invalid_category', `Stream category "${category}" must be PascalCase letters and digits`);
  }
  if (id.length === 0) throw new ValidationError('stream.missing_id', `Stream id for category "${category}" is empty`);
  return `${category}-${id}`;
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}

export function idOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? '' : stream.slice(dash + 1);
}
