// Checks a data form before it is submitted: required fields filled, addresses that are addresses.
import type { DataForm, DataFormValues } from '../../shared/model/dataForm.ts';
import { isBareJid, toFullJid } from '../../shared/model/jid.ts';

export type FormProblem = { key: 'form.required' | 'form.invalidJid'; field: string; value?: string };

const isJid = (value: string): boolean => isBareJid(value) || toFullJid(value) === value || /^[^@/\s]+$/u.test(value);

export function formProblems(form: DataForm, values: DataFormValues): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const field of form.fields) {
    if (field.type === 'fixed' || field.type === 'hidden' || !field.var) continue;
    const given = (values[field.var] ?? field.values).map((v) => v.trim()).filter((v) => v !== '');
    const name = field.label || field.var;
    if (field.required && given.length === 0 && field.type !== 'boolean')
      problems.push({ key: 'form.required', field: name });
    if (field.type === 'jid-single' || field.type === 'jid-multi')
      for (const value of given) if (!isJid(value)) problems.push({ key: 'form.invalidJid', field: name, value });
  }
  return problems;
}
