// The record an edit form was opened on and the version it showed, sent back with the form so a
// stale save is refused (optimistic concurrency). Nothing for a form that creates a record.
export function RecordRefInputs({ record }: { record?: { id: string; version: number } | null }) {
  if (!record) return null;
  return (
    <>
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={record.version} />
    </>
  );
}
