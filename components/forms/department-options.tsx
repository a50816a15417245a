// The options of a department filter: "All departments" (no filter), then each by name.
export function DepartmentOptions({ departments, emptyLabel = "All departments" }: { departments: { id: string; name: string }[]; emptyLabel?: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {departments.map((department) => (
        <option key={department.id} value={department.id}>
          {department.name}
        </option>
      ))}
    </>
  );
}
