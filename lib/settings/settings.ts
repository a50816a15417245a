import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

// Organisation-wide settings, each a small JSON document validated on the way in and out; a
// missing or unreadable one falls back to its default.
export const ZWorkWeek = z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7) });
export const ZAttendanceSchedule = z.object({
  start: z.string().regex(/^\d{2}:\d{2}$/), // local working day start, "09:00"
  end: z.string().regex(/^\d{2}:\d{2}$/),
  graceMinutes: z.number().int().min(0).max(240),
  timeZone: z.string().min(1).max(64),
});

// Who pays: the employer's name and account, for bank files (IBAN and BIC for SEPA).
export const ZPayrollEmployer = z.object({
  name: z.string().trim().min(1).max(70),
  iban: z.string().max(34).nullable(),
  bic: z.string().max(11).nullable(),
});

export const SETTINGS = {
  "work-week": { schema: ZWorkWeek, fallback: { days: [1, 2, 3, 4, 5] } },
  "attendance-schedule": { schema: ZAttendanceSchedule, fallback: { start: "09:00", end: "17:30", graceMinutes: 10, timeZone: "UTC" } },
  "payroll-employer": { schema: ZPayrollEmployer, fallback: { name: "Employer", iban: null, bic: null } },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

export async function readSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { id: key }, select: { value: true } });
  if (!row) return SETTINGS[key].fallback as SettingValue<K>;
  try {
    const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value));
    return (parsed.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
  } catch {
    return SETTINGS[key].fallback as SettingValue<K>;
  }
}

export async function writeSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  const text = JSON.stringify(SETTINGS[key].schema.parse(value));
  await db.setting.upsert({ where: { id: key }, create: { id: key, value: text }, update: { value: text } });
}
