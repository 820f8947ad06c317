/**
 * `npm start` runs this once: the local sign-in's example companies and people (src/dev/examplePeople.ts)
 * in the read model's database (DATABASE_URL), and the example templates in each of those companies.
 * Refused in production, like the local provider.
 */
import { loadConfig } from '../src/config/env';
import { installTemplates, readTemplateFiles } from '../src/config/templateFiles';
import { EXAMPLE_COMPANIES, seedExamplePeople } from '../src/dev/examplePeople';
import { createReadModel, migrate } from '../src/readModel';
import { inCompany } from '../src/readModel/companyScope';

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('the example people are for development only');
  const config = loadConfig();
  await migrate(config.database.url);
  const readModel = createReadModel({ url: config.database.url });
  try {
    await seedExamplePeople(readModel);
    const files = readTemplateFiles();
    for (const company of EXAMPLE_COMPANIES)
      await inCompany(company.id, () =>
        installTemplates(readModel, files, { actor: 'seed-example-people', onlyMissing: true }),
      );
    console.log(`example people in ${EXAMPLE_COMPANIES.map((c) => c.id).join(', ')} (see docs/sign-in.md)`);
  } finally {
    await readModel.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
