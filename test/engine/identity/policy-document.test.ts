import { describe, expect, it } from 'vitest';
import { isAwsError } from '../../../source/engine/errors';
import { ADMIN_POLICY_NAME, deletePrincipalPolicy, listPrincipalPolicies, putPrincipalPolicy } from '../../../source/engine/identity/policies';
import { createPrincipal, deletePrincipal } from '../../../source/engine/identity/principals';
import { testEngine } from '../../helpers/engine';

function errorOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (isAwsError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

const V = '2012-10-17';
const doc = (statement: unknown, extra: object = {}) => JSON.stringify({ Version: V, Statement: statement, ...extra });
const ok = { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' };

/** IAM's refusals of identity policies, in the order IAM checks them (messages as IAM words them). */
const MALFORMED: [string, string, string | RegExp][] = [
  ['text that is not JSON', '{"Version": ', /^Syntax errors in policy\./],
  ['a JSON list', '[]', /^Syntax errors in policy\./],
  ['an unknown top-level element', JSON.stringify({ Version: V, Statement: ok, Extra: 1 }), /^Syntax errors in policy\. \(unknown top-level element Extra\)/],
  ['no Statement', JSON.stringify({ Version: V }), /^Syntax errors in policy\./],
  ['an empty Statement list', doc([]), /^Syntax errors in policy\./],
  ['an unknown statement element', doc({ ...ok, Actions: 'x' }), /^Syntax errors in policy\. \(Statement 1: unknown element Actions\)/],
  ['both Action and NotAction', doc({ ...ok, NotAction: 'ssm:*' }), /^Syntax errors in policy\./],
  ['an Effect that is neither Allow nor Deny', doc({ ...ok, Effect: 'Maybe' }), /^Syntax errors in policy\. \(Statement 1: Effect must be "Allow" or "Deny"\)/],
  ['an Action that is a number', doc({ ...ok, Action: 7 }), /^Syntax errors in policy\./],
  ['a Version IAM does not know', doc(ok).replace(V, '2020-01-01'), /^Syntax errors in policy\./],
  ['the old 2008 version', doc(ok).replace(V, '2008-10-17'), 'Policy document must be version 2012-10-17 or greater.'],
  ['no Version at all', JSON.stringify({ Statement: ok }), 'Policy document must be version 2012-10-17 or greater.'],
  ['an Effect in the wrong case', doc({ ...ok, Effect: 'allow' }), 'The policy failed legacy parsing'],
  ['two statements with one Sid', doc([{ ...ok, Sid: 'A' }, { ...ok, Sid: 'A' }]), 'Statement IDs (SID) in a single policy must be unique.'],
  ['a Sid with a space', doc({ ...ok, Sid: 'Read all' }), /^Statement IDs \(SID\) must be alpha-numeric/],
  ['no Action', doc({ Effect: 'Allow', Resource: '*' }), 'Policy statement must contain actions.'],
  ['a Resource that is not an ARN', doc({ ...ok, Resource: 'parameter/x' }), 'Resource parameter/x must be in ARN format or "*".'],
  ['an action without a service', doc({ ...ok, Action: 'GetParameter' }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['an action with two colons', doc({ ...ok, Action: 'ssm:Get:Parameter' }), 'Actions/Condition can contain only one colon.'],
  ['no Resource', doc({ Effect: 'Allow', Action: 'ssm:*' }), 'Policy statement must contain resources.'],
  ['a Principal', doc({ ...ok, Principal: '*' }), 'Policy document should not specify a principal.'],
  ['an unknown condition operator', doc({ ...ok, Condition: { StringEqualz: { 'aws:username': 'a' } } }), 'Invalid Condition type : StringEqualz.'],
  ['a date condition that is no date', doc({ ...ok, Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } }), 'soon is not a valid value for DateLessThan.'],
  ['a bad CIDR', doc({ ...ok, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/99' } } }), '10.0.0.0/99 is not a valid value for IpAddress.'],
  ['a condition value that is an object', doc({ ...ok, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }), 'The values of StringEquals aws:username must be strings.'],
];

describe('identity policies', () => {
  it.each(MALFORMED)('refuses %s with MalformedPolicyDocument, and changes nothing', (_name, document, message) => {
    const engine = testEngine();
    createPrincipal(engine, 'alice');
    putPrincipalPolicy(engine, 'alice', 'reader', doc(ok));
    const error = errorOf(() => putPrincipalPolicy(engine, 'alice', 'reader', document));
    expect(error?.code).toBe('MalformedPolicyDocument');
    expect(error?.message).toMatch(message instanceof RegExp ? message : new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(listPrincipalPolicies(engine, 'alice').map((p) => [p.name, p.document])).toEqual([['reader', doc(ok)]]);
  });

  it('accepts the grammar AWS writes: a lone statement object, lists, Sid, Id, NotAction, NotResource, conditions', () => {
    const engine = testEngine();
    createPrincipal(engine, 'alice');
    const rich = JSON.stringify({
      Version: V,
      Id: 'reader-policy',
      Statement: [
        { Sid: 'Read1', Effect: 'Allow', Action: ['ssm:Get*', 'ssm:DescribeParameters'], Resource: ['arn:aws:ssm:*:*:parameter/app/*', '*'] },
        { Effect: 'Deny', NotAction: 'ssm:Get*', NotResource: 'arn:aws:ssm:*:*:parameter/app/*', Condition: { 'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': ['*'] }, BoolIfExists: { 'aws:ViaAWSService': false } } },
      ],
    });
    expect(errorOf(() => putPrincipalPolicy(engine, 'alice', 'rich', rich))).toBeUndefined();
    expect(errorOf(() => putPrincipalPolicy(engine, 'alice', 'single', JSON.stringify({ Version: V, Statement: ok })))).toBeUndefined();
    expect(listPrincipalPolicies(engine, 'alice').map((p) => p.name)).toEqual(['rich', 'single']);
  });

  it('keeps several named policies per principal; attaching a name again replaces that one', () => {
    const engine = testEngine();
    createPrincipal(engine, 'alice');
    putPrincipalPolicy(engine, 'alice', 'b', doc(ok));
    putPrincipalPolicy(engine, 'alice', 'a', doc({ ...ok, Action: 'ssm:PutParameter' }));
    putPrincipalPolicy(engine, 'alice', 'b', doc({ ...ok, Action: 'kms:Decrypt' }));
    expect(listPrincipalPolicies(engine, 'alice').map((p) => [p.name, JSON.parse(p.document).Statement.Action])).toEqual([
      ['a', 'ssm:PutParameter'],
      ['b', 'kms:Decrypt'],
    ]);
    deletePrincipalPolicy(engine, 'alice', 'a');
    expect(errorOf(() => deletePrincipalPolicy(engine, 'alice', 'a'))).toEqual({ code: 'NoSuchEntity', message: 'The user policy with name a cannot be found.' });
    expect(errorOf(() => putPrincipalPolicy(engine, 'alice', 'bad name', doc(ok)))?.code).toBe('ValidationException');
    expect(errorOf(() => putPrincipalPolicy(engine, 'nobody', 'p', doc(ok)))?.code).toBe('NoSuchEntity');
  });

  it('gives admin full access at bootstrap, and drops a principal’s policies with it', () => {
    const engine = testEngine();
    const [admin] = listPrincipalPolicies(engine, 'admin');
    expect(admin?.name).toBe(ADMIN_POLICY_NAME);
    expect(JSON.parse(admin!.document).Statement).toEqual([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    createPrincipal(engine, 'temp');
    putPrincipalPolicy(engine, 'temp', 'p', doc(ok));
    deletePrincipal(engine, 'temp');
    expect(engine.db.prepare('SELECT count(*) AS n FROM principal_policies').get()).toEqual({ n: 1 });
  });
});
