import { describe, expect, it } from 'vitest';
import { AWS_CLIS, servedCli, type ServedCli } from './aws-cli';

interface Parameter {
  Name: string;
  Type: string;
  Value: string;
  Version: number;
  Labels?: string[];
}

/** Seeds the three parameter types the way a user would, checking each put's answer. */
async function seed(cli: ServedCli): Promise<void> {
  const puts: [string, string, string][] = [
    ['/app/db/url', 'postgres://db.internal:5432/app', 'String'],
    ['/app/db/hosts', 'db1,db2,db3', 'StringList'],
    ['/app/db/password', 'pa$$ word "quoted" ünïcode', 'SecureString'],
    ['/app/name', 'demo', 'String'],
    ['/other/flag', 'on', 'String'],
  ];
  for (const [name, value, type] of puts) {
    expect(await cli.json('ssm', 'put-parameter', '--name', name, '--value', value, '--type', type)).toEqual({ Version: 1, Tier: 'Standard' });
  }
}

/** describe-parameters with --parameter-filters in the CLI's shorthand, and the names each must list. */
const DESCRIBE_FILTERS: [string[], string[]][] = [
  [['Key=Type,Values=SecureString'], ['/app/db/password']],
  [['Key=Type,Values=String', 'Key=Path,Option=Recursive,Values=/app'], ['/app/db/url', '/app/name']],
  [['Key=Path,Option=OneLevel,Values=/app/db'], ['/app/db/hosts', '/app/db/password', '/app/db/url']],
  [['Key=Name,Option=BeginsWith,Values=/app/db/p'], ['/app/db/password']],
  [['Key=Name,Option=Equals,Values=/other/flag,/nope'], ['/other/flag']],
];

describe.each(AWS_CLIS)('$label against paramdeck serve: Parameter Store', (spec) => {
  it('puts all three types, gets (SecureString decrypted only when asked), lists by path and describes with filters', { timeout: 180_000 }, async () => {
    const cli = await servedCli(spec);
    await seed(cli);
    const plain = await cli.json<{ Parameter: Parameter }>('ssm', 'get-parameter', '--name', '/app/db/hosts');
    expect(plain.Parameter).toMatchObject({ Name: '/app/db/hosts', Type: 'StringList', Value: 'db1,db2,db3', Version: 1 });
    const masked = await cli.json<{ Parameter: Parameter }>('ssm', 'get-parameter', '--name', '/app/db/password');
    expect(masked.Parameter).toMatchObject({ Type: 'SecureString', Version: 1 });
    expect(masked.Parameter.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(masked.Parameter.Value).not.toContain('pa$$');
    const revealed = await cli.json<{ Parameter: Parameter }>('ssm', 'get-parameter', '--name', '/app/db/password', '--with-decryption');
    expect(revealed.Parameter.Value).toBe('pa$$ word "quoted" ünïcode');

    const recursive = await cli.json<{ Parameters: Parameter[] }>('ssm', 'get-parameters-by-path', '--path', '/app', '--recursive', '--with-decryption');
    expect(recursive.Parameters.map((p) => [p.Name, p.Value]).sort()).toEqual([
      ['/app/db/hosts', 'db1,db2,db3'],
      ['/app/db/password', 'pa$$ word "quoted" ünïcode'],
      ['/app/db/url', 'postgres://db.internal:5432/app'],
      ['/app/name', 'demo'],
    ]);
    const oneLevel = await cli.json<{ Parameters: Parameter[] }>('ssm', 'get-parameters-by-path', '--path', '/app');
    expect(oneLevel.Parameters.map((p) => p.Name)).toEqual(['/app/name']);

    for (const [filters, names] of DESCRIBE_FILTERS) {
      const described = await cli.json<{ Parameters: { Name: string; Type: string }[] }>('ssm', 'describe-parameters', '--parameter-filters', ...filters);
      expect(described.Parameters.map((p) => p.Name).sort(), filters.join(' ')).toEqual(names);
    }
    const bad = await cli.run('ssm', 'describe-parameters', '--parameter-filters', 'Key=Path,Option=BeginsWith,Values=/app');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'An error occurred (InvalidFilterOption) when calling the DescribeParameters operation: The following filter option is not valid: BeginsWith.',
    );
  });

  it('keeps history, labels a version and deletes', { timeout: 180_000 }, async () => {
    const cli = await servedCli(spec);
    await cli.json('ssm', 'put-parameter', '--name', '/svc/token', '--value', 'one', '--type', 'SecureString');
    expect(await cli.json('ssm', 'put-parameter', '--name', '/svc/token', '--value', 'two', '--overwrite')).toEqual({ Version: 2, Tier: 'Standard' });
    const history = await cli.json<{ Parameters: Parameter[] }>('ssm', 'get-parameter-history', '--name', '/svc/token', '--with-decryption');
    expect(history.Parameters.map((p) => [p.Version, p.Type, p.Value])).toEqual([
      [1, 'SecureString', 'one'],
      [2, 'SecureString', 'two'],
    ]);

    const labelled = await cli.json('ssm', 'label-parameter-version', '--name', '/svc/token', '--parameter-version', '1', '--labels', 'stable');
    expect(labelled).toEqual({ InvalidLabels: [], ParameterVersion: 1 });
    const byLabel = await cli.json<{ Parameter: Parameter }>('ssm', 'get-parameter', '--name', '/svc/token:stable', '--with-decryption');
    expect(byLabel.Parameter).toMatchObject({ Value: 'one', Version: 1, Selector: ':stable' });
    const relabelled = await cli.json<{ Parameters: Parameter[] }>('ssm', 'get-parameter-history', '--name', '/svc/token');
    expect(relabelled.Parameters.map((p) => p.Labels)).toEqual([['stable'], []]);

    expect(await cli.run('ssm', 'delete-parameter', '--name', '/svc/token')).toMatchObject({ code: 0, stdout: '' });
    const gone = await cli.run('ssm', 'get-parameter', '--name', '/svc/token');
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
    const again = await cli.run('ssm', 'delete-parameter', '--name', '/svc/token');
    expect(again.stderr).toContain('An error occurred (ParameterNotFound) when calling the DeleteParameter operation');
  });
});
