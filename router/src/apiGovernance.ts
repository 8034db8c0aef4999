import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Schema governance: a change to the API schema that breaks clients built against an earlier one
 * fails unless it is announced. GraphQL Inspector classifies every change; this module only decides
 * which breaking ones are announced and says what to do about the others.
 *
 * Inspector already calls BREAKING every change the issue lists, which `apiGovernance.test.ts` pins so
 * an upgrade cannot quietly relax it: a removed or retyped field, an argument made required (or a
 * required one added), an output field made nullable (clients generated with non-null types get a null
 * they were promised never to see), an input field made non-null (or a required one added), a removed
 * enum value or type. Removing a field that was deprecated first is breaking too: deprecation warns
 * clients, the announcement records when and why it finally goes.
 */

const announcementSchema = z.object({
  path: z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*(\.[_@A-Za-z][_0-9A-Za-z]*)*$/, 'a schema path such as Query.oldField, Quiz.stats.window or Role.GUEST'),
  reason: z.string().trim().min(10, 'say why, and what clients use instead (at least 10 characters)'),
  date: z.iso.date('a date, YYYY-MM-DD'),
});
const announcementsSchema = z.array(announcementSchema).nullable();

/** One announced breaking change: the schema path, why it breaks and what to use instead, when it was announced. */
export type Announcement = z.infer<typeof announcementSchema>;

/** Parses the announcements file (a YAML list of `{ path, reason, date }`); throws naming the file and the bad entry. */
export function parseAnnouncements(yamlText: string, source: string): Announcement[] {
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`${source} is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = announcementsSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - entry ${issue.path.join('.') || '(the file)'}: ${issue.message}`);
    throw new Error(`${source} must be a YAML list of { path, reason, date } entries:\n${problems.join('\n')}`);
  }
  return parsed.data ?? [];
}

/** An API schema to compare against, and what it is (e.g. "api/published.graphql, the last published API schema"). */
export interface Baseline {
  name: string;
  sdl: string;
}

export interface ApiChange {
  /** Where the change is, as Inspector names it: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  path: string;
  message: string;
  /** The baseline it was found against (the first one, when several show it). */
  baseline: string;
}

export interface ApiCheckResult {
  /** Breaking changes with no announcement: the check fails on these. */
  unannounced: ApiChange[];
  /** Breaking changes announced in the announcements file, with the announcement. */
  announced: Array<ApiChange & { announcement: Announcement }>;
  /** Changes that may surprise a client (an enum value or optional argument added, …): warnings. */
  dangerous: ApiChange[];
  /** How many safe changes (additions, descriptions, deprecations) the baselines show. */
  safeCount: number;
}

/** Compares the current API schema with each baseline and sorts the changes Inspector reports. */
export async function checkApiSchema(options: {
  current: { name: string; sdl: string };
  baselines: Baseline[];
  announcements: Announcement[];
}): Promise<ApiCheckResult> {
  const current = buildValidSchema(options.current);
  const seen = new Set<string>();
  const result: ApiCheckResult = { unannounced: [], announced: [], dangerous: [], safeCount: 0 };
  for (const baseline of options.baselines) {
    const changes: Change[] = await diff(buildValidSchema(baseline), current);
    for (const change of changes) {
      const path = change.path ?? change.type;
      // The same change found against several baselines is reported once.
      const key = `${change.criticality.level} ${path} ${change.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const found: ApiChange = { path, message: change.message, baseline: baseline.name };
      if (change.criticality.level === CriticalityLevel.Breaking) {
        const announcement = options.announcements.find((a) => a.path === path);
        if (announcement) result.announced.push({ ...found, announcement });
        else result.unannounced.push(found);
      } else if (change.criticality.level === CriticalityLevel.Dangerous) {
        result.dangerous.push(found);
      } else {
        result.safeCount += 1;
      }
    }
  }
  return result;
}

function buildValidSchema({ name, sdl }: { name: string; sdl: string }) {
  try {
    return buildSchema(sdl);
  } catch (error) {
    throw new Error(`${name} is not a valid GraphQL schema: ${(error as Error).message}`);
  }
}

/** What the check prints: errors (the check fails when there are any), warnings and notes. */
export function formatApiCheck(result: ApiCheckResult, announcementsFile: string): { errors: string[]; warnings: string[]; notes: string[] } {
  const errors: string[] = [];
  if (result.unannounced.length > 0) {
    const today = new Date().toISOString().slice(0, 10);
    errors.push(
      `Breaking change${result.unannounced.length === 1 ? '' : 's'} to the API schema (api.graphql) that no one announced:`,
      ...result.unannounced.map((c) => `  - ${c.path}: ${c.message} (against ${c.baseline})`),
      '',
      'Clients built against the earlier schema break on these. Either keep the old shape (retire a field',
      'with @deprecated(reason: "...") first, and remove it in a later release), or announce each change by',
      `adding it to ${announcementsFile}:`,
      ...result.unannounced.map((c) => `  - path: ${c.path}\n    reason: <why it changes, and what clients use instead>\n    date: ${today}`),
    );
  }
  return {
    errors,
    warnings: result.dangerous.map((c) => `${c.path}: ${c.message} (against ${c.baseline}); clients that are not ready for it may misbehave`),
    notes: result.announced.map((c) => `${c.path}: ${c.message}, announced ${c.announcement.date}: ${c.announcement.reason}`),
  };
}
