import { assert, test } from 'vitest';
import type { DataField } from '../../shared/model/dataForm.ts';
import { formProblems } from './formCheck.ts';

const field = (f: Partial<DataField> & Pick<DataField, 'var' | 'type'>): DataField => ({
  label: '',
  description: '',
  required: false,
  values: [],
  options: [],
  ...f,
});

test('required fields must be filled (a default value counts), addresses must be addresses', () => {
  const form = {
    title: '',
    instructions: '',
    fields: [
      field({ var: 'subject', type: 'text-single', label: 'Subject', required: true }),
      field({ var: 'mode', type: 'list-single', required: true, values: ['a'] }),
      field({ var: 'to', type: 'jid-multi', label: 'Recipients' }),
      field({ var: 'note', type: 'fixed', required: true }),
      field({ var: 'agree', type: 'boolean', required: true }),
    ],
  };
  assert.deepEqual(formProblems(form, { to: ['alice@localhost', 'no such@address', ''] }), [
    { key: 'form.required', field: 'Subject' },
    { key: 'form.invalidJid', field: 'Recipients', value: 'no such@address' },
  ]);
  assert.deepEqual(formProblems(form, { subject: ['  hi '], to: ['localhost', 'bob@localhost/phone'] }), []);
});
