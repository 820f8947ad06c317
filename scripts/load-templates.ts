/**
 * `npm run templates:load`: stores the templates of config/templates/ in the read model's database
 * (DATABASE_URL), each as a new version when its file differs from the latest version.
 * `--only-missing` stores only templates not there at all (what `npm start` does).
 */
import { loadConfig } from '../src/config/env';
import { installTemplates, readTemplateFiles, TEMPLATES_DIR } from '../src/config/templateFiles';
import { createReadModel, migrate } from '../src/readModel';

async function main(): Promise<void> {
  const config = loadConfig();
  const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? TEMPLATES_DIR;
  const files = readTemplateFiles(dir);
  await migrate(config.database.url);
  const readModel = createReadModel({ url: config.database.url, company: 'default' });
  try {
    const results = await installTemplates(readModel, files, {
      actor: 'templates:load',
      onlyMissing: process.argv.includes('--only-missing'),
    });
    for (const r of results) console.log(`${r.name}: ${r.outcome} (version ${r.version})`);
  } finally {
    await readModel.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
