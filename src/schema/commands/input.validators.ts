import { IsEmail, IsEnum, IsInt, IsISO4217CurrencyCode, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';

/*
 * Field rules shared by the command inputs. They give early, field-level messages; the deciders
 * still enforce every rule, so a caller that bypasses GraphQL cannot break an invariant.
 */

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

// Ids come from the business tools (Xero, HubSpot, Harvest…), so they are not necessarily UUIDs.
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,127}$/;
const calendarDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const IsEntityId = (): PropertyDecorator =>
  Matches(idPattern, { message: '$property must be an id of 1 to 128 letters, digits or ._:@/+- (starting with a letter or digit), got "$value"' });

export const IsText = (max: number): PropertyDecorator =>
  all(
    IsString({ message: '$property must be a string' }),
    Length(1, max, { message: `$property must be 1 to ${max} characters long` }),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

export const IsOptionalText = (max: number): PropertyDecorator =>
  all(IsString({ message: '$property must be a string' }), Length(0, max, { message: `$property must be at most ${max} characters long` }));

export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value) =>
        typeof value === 'string' && calendarDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      defaultMessage: () => '$property must be a calendar date YYYY-MM-DD, got "$value"',
    },
  });

export const IsCurrency = (): PropertyDecorator =>
  IsISO4217CurrencyCode({ message: '$property must be an ISO-4217 currency code such as AUD, got "$value"' });

/** Money in whole cents: `min` 1 for amounts that must be positive, 0 for rates that may be free. */
export const IsCents = (min: 0 | 1): PropertyDecorator =>
  all(
    IsInt({ message: '$property must be a whole number of cents' }),
    Min(min, { message: min === 1 ? '$property must be a positive amount of cents, got $value' : '$property must be 0 or more cents, got $value' }),
  );

export const IsWholeNumber = (min: number, max?: number): PropertyDecorator =>
  all(
    IsInt({ message: '$property must be a whole number' }),
    Min(min, { message: `$property must be at least ${min}, got $value` }),
    ...(max === undefined ? [] : [Max(max, { message: `$property must be at most ${max}, got $value` })]),
  );

/** Hours are kept in hundredths (0.01 h), like cents, so projections sum them exactly. */
export const IsHours = ({ max, allowZero = false }: { max?: number; allowZero?: boolean }): PropertyDecorator =>
  ValidateBy({
    name: 'isHours',
    validator: {
      validate: (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (allowZero ? value >= 0 : value > 0) &&
        (max === undefined || value <= max) &&
        Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
      defaultMessage: () =>
        `$property must be ${allowZero ? '0 or more' : 'more than 0'}${max === undefined ? '' : ` and at most ${max}`}, in hundredths of an hour, got $value`,
    },
  });

export const IsMinutes = (options: { allowZero: boolean }): PropertyDecorator =>
  ValidateBy({
    name: 'isMinutes',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isFinite(value) && (options.allowZero ? value >= 0 : value > 0),
      defaultMessage: () => `$property must be ${options.allowZero ? '0 or more' : 'more than 0'} minutes, got $value`,
    },
  });

export const IsEmailAddress = (): PropertyDecorator => IsEmail({}, { message: '$property must be an e-mail address, got "$value"' });

export const IsOneOf = (enumObject: Record<string, string>): PropertyDecorator =>
  IsEnum(enumObject, { message: `$property must be one of ${Object.keys(enumObject).join(', ')}` });
