import type { CompanyProfile } from './companyProfile';
import type { RebateMethod } from './state/finance';

/** The profile as the document gate reads it: the chop only as present or not (its bytes stay out of events). */
export type GateProfile = Pick<CompanyProfile, 'localName' | 'uscc' | 'customsCode' | 'placeOfIssue'> & {
  hasChop: boolean;
};

/** What the caller's company tells the decision of an event: whether the gate is on, its profile, how it claims rebates. */
export type CompanyGate = GateProfile & { documentGate: boolean; rebateMethod?: RebateMethod };

/** The gate's view of a profile. */
export function companyGateOf(
  profile: Partial<
    Pick<CompanyProfile, 'localName' | 'uscc' | 'customsCode' | 'placeOfIssue' | 'chopPng' | 'rebateMethod'>
  > & {
    documentGate?: boolean;
  },
): CompanyGate {
  return {
    documentGate: profile.documentGate ?? false,
    hasChop: Boolean(profile.chopPng),
    ...(profile.localName ? { localName: profile.localName } : {}),
    ...(profile.uscc ? { uscc: profile.uscc } : {}),
    ...(profile.customsCode ? { customsCode: profile.customsCode } : {}),
    ...(profile.placeOfIssue ? { placeOfIssue: profile.placeOfIssue } : {}),
    ...(profile.rebateMethod ? { rebateMethod: profile.rebateMethod } : {}),
  };
}
