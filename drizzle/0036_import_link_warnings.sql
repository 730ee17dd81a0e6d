ALTER TABLE `import_jobs` ADD `warning_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_row_errors` ADD `severity` text DEFAULT 'error' NOT NULL;