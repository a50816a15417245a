import { NavLink } from "@/components/nav-link";
import type { NavGroup } from "@/lib/navigation";

// The grouped navigation, used by the sidebar and by the mobile sheet alike.
export function MainNav({ groups, label }: { groups: NavGroup[]; label: string }) {
  return (
    <nav aria-label={label} className="flex flex-col gap-4 p-3">
      {groups.map((group) => (
        <div key={group.label ?? "home"} className="flex flex-col gap-1">
          {group.label && <h2 className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.label}</h2>}
          {group.items.map((item) => (
            <NavLink key={item.href} href={item.href} exact={item.exact}>
              {item.label}
            </NavLink>
          ))}
        </div>
      ))}
    </nav>
  );
}
