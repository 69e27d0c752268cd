import type { CallerIdentity, ParameterVersion } from '../../service/types';
import type { KeyDetail, ParameterDetail } from '../state/ui-state';
import type { BrowserService } from '../ui-context';
import { listingError } from './listing-error';

/**
 * What each view fetches. A view is made of several calls a policy may allow or refuse one by
 * one (GetParameter but not ListTagsForResource, DescribeKey but not GetKeyPolicy): the first
 * call decides whether the view opens, the others fail in place and say why.
 */
export function loaders(service: BrowserService) {
  return {
    async detail(name: string, signal: AbortSignal): Promise<ParameterDetail> {
      const parameter = await service.getParameter(name);
      const [history, tags] = await Promise.allSettled([
        service.history(name, { signal }).collect(),
        service.listTags(name),
      ]);
      const versions = history.status === 'fulfilled' ? history.value : undefined;
      const current = versions?.items.find((v) => v.version === parameter.version);
      const metadataError = history.status === 'rejected' ? listingError(history.reason) : versions?.error ? listingError(versions.error) : undefined;
      return {
        parameter,
        current,
        metadataError,
        ...(tags.status === 'fulfilled' ? { tags: tags.value } : { tagsError: listingError(tags.reason) }),
      };
    },

    async history(name: string, signal: AbortSignal): Promise<readonly ParameterVersion[]> {
      const result = await service.history(name, { signal }).collect();
      if (result.error) throw result.error;
      // SSM lists oldest first; the newest is what people look for.
      return [...result.items].reverse();
    },

    async keyDetail(keyId: string): Promise<KeyDetail> {
      const key = await service.describeKey(keyId);
      const [policy, rotation] = await Promise.allSettled([service.getKeyPolicy(keyId), service.getKeyRotationStatus(keyId)]);
      return {
        key,
        ...(policy.status === 'fulfilled' ? { policy: policy.value } : { policyError: listingError(policy.reason) }),
        ...(rotation.status === 'fulfilled'
          ? { rotation: { enabled: rotation.value.enabled, periodDays: rotation.value.periodDays, next: rotation.value.nextRotation } }
          : { rotationError: listingError(rotation.reason) }),
      };
    },

    identity(): Promise<CallerIdentity> {
      return service.whoAmI();
    },
  };
}
