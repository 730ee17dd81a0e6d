-- A published template version is frozen: suppliers were (or will be) sent exactly this content. Only
-- bookkeeping columns (a deleted publisher's id set to NULL) may still change.
CREATE TRIGGER template_versions_published_frozen BEFORE UPDATE ON template_versions
WHEN OLD.status = 'published' AND (
  NEW.content IS NOT OLD.content OR NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version
  OR NEW.template_id IS NOT OLD.template_id OR NEW.organization_id IS NOT OLD.organization_id
)
BEGIN
  SELECT RAISE(ABORT, 'published template versions are immutable');
END;
