import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentFingerprint } from '../domain';
import { templateBodySchema, templateNameSchema, type TemplateBody } from '../domain/schemas/template';
import type { TemplateStore } from '../readModel/templates';

/** The example templates shipped with the project (`npm run templates:load`). */
export const TEMPLATES_DIR = join(__dirname, '..', '..', 'config', 'templates');

export interface TemplateFile {
  name: string;
  body: TemplateBody;
}

/** Every `<name>.json` in `dir`, validated as PUT /templates/{name} would; throws naming the file. */
export function readTemplateFiles(dir: string = TEMPLATES_DIR): TemplateFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = templateNameSchema.safeParse(basename(file, '.json'));
      if (!name.success) throw new Error(`${file}: the file name is not a template name (a-z 0-9 -)`);
      const body = templateBodySchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!body.success)
        throw new Error(
          `${file}: ${body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return { name: name.data, body: body.data };
    });
}

export type InstallResult = { name: string; version: number; outcome: 'created' | 'updated' | 'unchanged' };

/**
 * Stores each template whose latest version differs from its file (a new version), or, with
 * `onlyMissing`, only those not stored at all (what `npm start` does, so edits made through the API stay).
 */
export async function installTemplates(
  store: TemplateStore,
  files: TemplateFile[],
  { actor, onlyMissing = false, now = new Date() }: { actor: string; onlyMissing?: boolean; now?: Date },
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const { name, body } of files) {
    const latest = await store.getTemplate(name);
    if (latest && (onlyMissing || contentFingerprint(latest.body) === contentFingerprint(body))) {
      results.push({ name, version: latest.version, outcome: 'unchanged' });
      continue;
    }
    const stored = await store.putTemplate(name, body, actor, now);
    results.push({ name, version: stored.version, outcome: latest ? 'updated' : 'created' });
  }
  return results;
}
