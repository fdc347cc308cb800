import type { Locale } from '@guanxi/common/i18n';
import { SEED_ROLES } from '@guanxi/common/permissions';

type NamedRole = { code: string | null; name: string; description?: string | null };

function seedOf(role: NamedRole) {
  return role.code ? SEED_ROLES.find((r) => r.code === role.code) : undefined;
}

/**
 * Seeded roles are stored in the language of sign-up; show them in the UI language unless an admin renamed them.
 */
export function roleDisplayName(role: NamedRole, locale: Locale): string {
  const seed = seedOf(role);
  if (!seed || (role.name !== seed.name['zh-CN'] && role.name !== seed.name.en)) return role.name;
  return seed.name[locale];
}

export function roleDisplayDescription(role: NamedRole, locale: Locale): string | null {
  const seed = seedOf(role);
  const description = role.description ?? null;
  if (!seed || (description !== seed.description['zh-CN'] && description !== seed.description.en)) return description;
  return seed.description[locale];
}
