-- drizzle-kit leaves the ON DELETE clause out of an added column's reference; the snapshot has it
-- (set null: deleting a site keeps its audits, which keep the site's name as recorded).
ALTER TABLE `audits` ADD `site_id` text REFERENCES sites(id) ON DELETE set null;
