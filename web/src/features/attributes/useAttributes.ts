import type { Attribute } from '@contracts/attributes.ts';
import type { CustomerKind } from '@contracts/customers.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { CreateAttribute, UpdateAttribute } from '../../api/workspaceDataApi.ts';

export function useAttributes() {
  return useQuery({
    queryKey: queryKeys.attributes,
    queryFn: api.attributes.list,
    select: (list) => list.toSorted((a, b) => a.position - b.position),
  });
}

/** The attributes a person or an organisation can have. */
export function attributesFor(attributes: readonly Attribute[], kind: CustomerKind): Attribute[] {
  return attributes.filter((attribute) => attribute.appliesTo === 'both' || attribute.appliesTo === kind);
}

/** Attribute changes also change list columns and profiles, so those reload too. */
function useInvalidateAttributes() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.attributes }),
      queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
    ]);
}

export function useCreateAttribute() {
  const invalidate = useInvalidateAttributes();
  return useMutation({ mutationFn: (input: CreateAttribute) => api.attributes.create(input), onSuccess: invalidate });
}

export function useUpdateAttribute() {
  const invalidate = useInvalidateAttributes();
  return useMutation({
    mutationFn: ({ attributeId, patch }: { attributeId: string; patch: UpdateAttribute }) => api.attributes.update(attributeId, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteAttribute() {
  const invalidate = useInvalidateAttributes();
  return useMutation({ mutationFn: (attributeId: string) => api.attributes.remove(attributeId), onSuccess: invalidate });
}
