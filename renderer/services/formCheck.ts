// Checks a data form before it is submitted: required fields filled, addresses that are addresses.
import type { DataForm, DataFormValues } from '../../shared/model/dataForm.ts';
import { parseJid } from '../../shared/model/jid.ts';

export type FormProblem = { key: 'form.required' | 'form.invalidJid'; field: string; value?: string };

export function formProblems(form: DataForm, values: DataFormValues): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const field of form.fields) {
    if (field.type === 'fixed' || field.type === 'hidden' || !field.var) continue;
    const given = (values[field.var] ?? field.values).map((v) => v.trim()).filter((v) => v !== '');
    const name = field.label || field.var;
    if (field.required && given.length === 0 && field.type !== 'boolean')
      problems.push({ key: 'form.required', field: name });
    if (field.type === 'jid-single' || field.type === 'jid-multi')
      for (const value of given) if (!parseJid(value)) problems.push({ key: 'form.invalidJid', field: name, value });
  }
  return problems;
}
