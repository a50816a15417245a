// Recovery codes, shown once right after enrolment: each signs in once when the app is lost.
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold text-amber-900">Your recovery codes</p>
      <p className="mt-1 text-xs text-amber-900">
        Keep them somewhere safe, away from your phone. Each works once instead of a code from the app. They are shown only now: only hashes are stored.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 ring-1 ring-amber-200" data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}
