import type { Migration } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { foundation } from './0001_foundation.ts';
import { customerProfiles } from './0002_customer_profiles.ts';
import { transactionsImports } from './0003_transactions_imports.ts';
import { customerValue } from './0004_customer_value.ts';
import { importSources } from './0005_import_sources.ts';
import { acquisitionSources } from './0006_acquisition_sources.ts';
import { campaignsReferrals } from './0007_campaigns_referrals.ts';
import { sourceRules } from './0008_source_rules.ts';
import { reasons } from './0009_reasons.ts';
import { email } from './0010_email.ts';
import { thanksSurveys } from './0011_thanks_surveys.ts';
import { followUps } from './0012_follow_ups.ts';
import { segments } from './0013_segments.ts';

/**
 * The ordered list of migrations. Names sort in the order they must run; a migration is
 * never edited once released — add the next number instead.
 */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_foundation': foundation(dialect),
    '0002_customer_profiles': customerProfiles(dialect),
    '0003_transactions_imports': transactionsImports(dialect),
    '0004_customer_value': customerValue(dialect),
    '0005_import_sources': importSources(dialect),
    '0006_acquisition_sources': acquisitionSources(dialect),
    '0007_campaigns_referrals': campaignsReferrals(dialect),
    '0008_source_rules': sourceRules(dialect),
    '0009_reasons': reasons(dialect),
    '0010_email': email(dialect),
    '0011_thanks_surveys': thanksSurveys(dialect),
    '0012_follow_ups': followUps(dialect),
    '0013_segments': segments(dialect),
  };
}
