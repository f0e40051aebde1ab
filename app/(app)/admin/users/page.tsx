import type { Metadata } from 'next';
import { DisableForm, NewUserForm, RoleForm } from '@/components/admin/user-forms';
import { listUsers } from '@/db/queries/users';
import { requirePageRole } from '@/lib/auth';
import { ADMIN_LABELS } from '@/lib/i18n/admin-labels';
import { getLanguage } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.users') };
}

export default async function UsersPage() {
  await requirePageRole('admin', '/admin/users');
  const users = listUsers();
  const l = ADMIN_LABELS[await getLanguage()];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{l.usersTitle}</h1>
      <section aria-labelledby="add-user" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="add-user" className="mb-3 text-lg font-semibold">{l.addUser}</h2>
        <NewUserForm l={l} />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">{l.email}</th>
              <th className="py-2 pr-3 font-medium">{l.name}</th>
              <th className="py-2 pr-3 font-medium">{l.status}</th>
              <th className="py-2 pr-3 font-medium">{l.role}</th>
              <th className="py-2 font-medium">{l.access}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200 align-top dark:border-slate-800" data-testid={`user-${u.email}`}>
                <td className="py-2 pr-3">{u.email}</td>
                <td className="py-2 pr-3" data-content="user">{u.name}</td>
                <td className="py-2 pr-3">{u.disabled ? l.disabled : l.active}</td>
                <td className="py-2 pr-3"><RoleForm userId={u.id} role={u.role} email={u.email} l={l} /></td>
                <td className="py-2"><DisableForm userId={u.id} disabled={u.disabled} email={u.email} l={l} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
