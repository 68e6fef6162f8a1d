import type { CustomerProfile, UpdateCustomer } from '@contracts/customers.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import type { EmploymentInput } from '../../api/customersApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export type ProfilePatch = Omit<UpdateCustomer, 'version'>;

export function useProfile(customerId: string) {
  return useQuery({
    queryKey: queryKeys.customer(customerId),
    queryFn: ({ signal }) => api.customers.get(customerId, signal),
  });
}

export function useHistory(customerId: string) {
  return useQuery({ queryKey: queryKeys.history(customerId), queryFn: ({ signal }) => api.customers.history(customerId, signal) });
}

/** After a change the server's profile is shown at once; lists, counts and history reload. */
function useProfileChanged() {
  const queryClient = useQueryClient();
  return (profile: CustomerProfile | null) => {
    if (profile) queryClient.setQueryData(queryKeys.customer(profile.id), profile);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
    ]);
  };
}

/**
 * Saves a change with the version this profile was read at; if someone else saved in
 * between, the server answers 409 customers.stale and nothing is overwritten.
 */
export function useUpdateProfile(profile: CustomerProfile) {
  const changed = useProfileChanged();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => api.customers.update(profile.id, { ...patch, version: profile.version }),
    onSuccess: changed,
  });
}

/** Links a person to an organisation they work at (from either profile). */
export function useAddEmployment() {
  const changed = useProfileChanged();
  return useMutation({
    mutationFn: ({ personId, input }: { personId: string; input: EmploymentInput }) => api.customers.addEmployment(personId, input),
    onSuccess: () => changed(null),
  });
}

export function useRemoveEmployment() {
  const changed = useProfileChanged();
  return useMutation({
    mutationFn: ({ personId, employmentId }: { personId: string; employmentId: string }) => api.customers.removeEmployment(personId, employmentId),
    onSuccess: () => changed(null),
  });
}

/** Reloads a profile (after a stale-version refusal, to see the other person's change). */
export function useReloadProfile(customerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.customer(customerId) });
}
