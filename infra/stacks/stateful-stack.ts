import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT } from '../../shared/auth/attributen';
import { CLAIM_ROL, CLAIM_TENANT } from '../../shared/auth/rollen';
import {
  DLQ_RETENTION_SECONDS,
  dlqName,
  queueDefinitions,
  streamConsumers,
  visibilityTimeoutSeconds,
  type QueueName,
} from '../../shared/queues/definition';
import { tableDefinition } from '../../shared/table/definition';
import type { Deployment } from '../config/deployments';
import { pascal } from '../constructs/construct-ids';
import { WerkcoopFunction } from '../constructs/werkcoop-function';
import { acknowledgeFailureDestination, acknowledgePseudoniemSleutelWithoutRotation } from '../nag';

export type StreamConsumerName = keyof typeof streamConsumers;

export interface QueuePair {
  readonly queue: Queue;
  readonly dlq: Queue;
}

export interface StatefulStackProps extends StackProps {
  readonly deployment: Deployment;
}

/** The resource server and scope that machine clients are granted (client-credentials flow). */
const RESOURCE_SERVER_ID = 'werkcoop';
const API_SCOPE = 'api';

/**
 * Everything that holds data and must outlive a code deployment: the table, the queues with their DLQs,
 * the user pool. Redeploying the stateless stack never touches these.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly queues: Readonly<Record<QueueName, QueuePair>>;
  /** The on-failure destination of each stream consumer: the stream's DLQ. */
  readonly streamFailureQueues: Readonly<Record<StreamConsumerName, Queue>>;
  readonly alarmTopic: Topic;
  /** Encrypts every log group of the deployment (this stack's and the stateless stack's). */
  readonly logKey: Key;
  /** The key of the processing log's pseudonyms (shared/privacy/pseudoniem.ts). */
  readonly pseudoniemSleutel: Secret;
  readonly userPool: UserPool;
  /** The app client for people (authorization code + PKCE); its id is the API's JWT audience. */
  readonly humanClient: UserPoolClient;
  /** The OAuth 2.0 token endpoint of the user pool's domain: machine clients get their tokens there. */
  readonly tokenUrl: string;
  /** The portal's app client: people sign in to the pages with it (functions/web/inloggen.tsx). */
  readonly portaalClient: UserPoolClient;
  /**
   * The environment the portal's sign-in function needs (the pages with `bijzonder: 'inloggen'`): the
   * client, the pool's issuer, the managed login's domain and the portal's own address. PORTAAL_INLOGGEN is
   * deliberately absent: only the local runtime sets it.
   */
  readonly portaalInlogOmgeving: Readonly<Record<'PORTAAL_CLIENT_ID' | 'PORTAAL_OIDC_ISSUER' | 'PORTAAL_LOGIN_URL' | 'PORTAAL_URL', string>>;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { deployment } = props;

    const dataKey = new Key(this, 'DataKey', {
      description: `werkcoop ${deployment.name}: table, queues and their DLQs`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.logKey = this.createLogKey(deployment);
    this.table = this.createTable(dataKey);
    this.pseudoniemSleutel = this.createPseudoniemSleutel(deployment, dataKey);
    this.alarmTopic = this.createAlarmTopic(deployment);

    this.queues = Object.fromEntries(
      Object.values(queueDefinitions).map((q) => {
        const dlq = this.createEncryptedQueue(`${pascal(q.name)}Dlq`, `werkcoop-${deployment.name}-${dlqName(q)}`, dataKey, {
          retentionPeriod: Duration.seconds(DLQ_RETENTION_SECONDS),
        });
        const queue = this.createEncryptedQueue(`${pascal(q.name)}Queue`, `werkcoop-${deployment.name}-${q.name}`, dataKey, {
          visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(q)),
          deadLetterQueue: { queue: dlq, maxReceiveCount: q.maxReceiveCount },
        });
        this.alarmOnMessages(`${pascal(q.name)}DlqAlarm`, dlq, `Berichten van ${q.name} die ${q.maxReceiveCount}× mislukten staan in de DLQ.`);
        return [q.name, { queue, dlq }];
      }),
    ) as Record<QueueName, QueuePair>;

    this.streamFailureQueues = Object.fromEntries(
      Object.entries(streamConsumers).map(([key, sc]) => {
        // Lambda writes only the failed batch's stream coordinates here, not the records: the stream keeps
        // records for 24 hours, so this alarm needs attention within a day.
        const queue = this.createEncryptedQueue(`${pascal(sc.name)}FailureQueue`, `werkcoop-${deployment.name}-${sc.name}-dlq`, dataKey, {
          retentionPeriod: Duration.seconds(DLQ_RETENTION_SECONDS),
        });
        acknowledgeFailureDestination(queue);
        this.alarmOnMessages(`${pascal(sc.name)}FailureAlarm`, queue, `Stream-batches van ${sc.name} mislukten ${sc.maxRetryAttempts + 1}×; de records verlopen na 24 uur.`);
        return [key, queue];
      }),
    ) as Record<StreamConsumerName, Queue>;

    const { userPool, humanClient, tokenUrl, portaalClient, loginUrl } = this.createUserPool(deployment);
    this.userPool = userPool;
    this.humanClient = humanClient;
    this.tokenUrl = tokenUrl;
    this.portaalClient = portaalClient;
    this.portaalInlogOmgeving = {
      PORTAAL_CLIENT_ID: portaalClient.userPoolClientId,
      PORTAAL_OIDC_ISSUER: `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`,
      PORTAAL_LOGIN_URL: loginUrl,
      // The deployments config checks every callback URL is <portal origin>/portaal/inloggen/terug.
      PORTAAL_URL: new URL(deployment.oauthCallbackUrls[0]!).origin,
    };
  }

  private createTable(key: Key): Table {
    const table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: StreamViewType[tableDefinition.streamViewType],
    });
    for (const gsi of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  /**
   * Function logs may carry ids and error details, so their log groups are encrypted with a
   * customer-managed key, like the data. CloudWatch Logs uses it as itself (not as the function), so the key
   * policy lets the regional Logs service use it, limited to this account's log groups (the encryption
   * context carries the log group ARN). Retained: logs outlive a redeploy, and a deleted key makes them
   * unreadable for their whole retention.
   */
  private createLogKey(deployment: Deployment): Key {
    const key = new Key(this, 'LogKey', {
      description: `werkcoop ${deployment.name}: log groups`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` },
        },
      }),
    );
    return key;
  }

  /**
   * Generated by Secrets Manager at deployment (the template holds no key), encrypted with the data key,
   * readable by the functions that write or read the processing log. It lives with the table: the log's
   * pseudonyms are joinable only with this key, so it is retained and never rotated.
   */
  private createPseudoniemSleutel(deployment: Deployment, key: Key): Secret {
    const secret = new Secret(this, 'PseudoniemSleutel', {
      description: `werkcoop ${deployment.name}: HMAC key of the processing log's pseudonyms`,
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgePseudoniemSleutelWithoutRotation(secret);
    return secret;
  }

  private createAlarmTopic(deployment: Deployment): Topic {
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key; it needs a key whose
    // policy lets CloudWatch use it, limited to this account's alarms.
    const key = new Key(this, 'AlarmKey', {
      description: `werkcoop ${deployment.name}: the alarmen topic`,
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: { 'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*` },
        },
      }),
    );
    const topic = new Topic(this, 'Alarmen', {
      topicName: `werkcoop-${deployment.name}-alarmen`,
      masterKey: key,
      enforceSSL: true,
    });
    if (deployment.alarmEmail) topic.addSubscription(new EmailSubscription(deployment.alarmEmail));
    return topic;
  }

  private createEncryptedQueue(
    id: string,
    queueName: string,
    key: Key,
    props: Pick<QueueProps, 'retentionPeriod' | 'visibilityTimeout' | 'deadLetterQueue'>,
  ): Queue {
    return new Queue(this, id, {
      queueName,
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      // Reuses the data key for 5 minutes instead of calling KMS per message.
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      ...props,
    });
  }

  private alarmOnMessages(id: string, queue: Queue, description: string): void {
    const alarm = new Alarm(this, id, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }

  /**
   * People sign in through the hosted login (authorization code + PKCE) with MFA. Machine clients
   * (gemeente, employer and partner systems: client credentials with scope werkcoop/api) are NOT defined
   * here: each is registered as data when a partner or member is approved, so onboarding one never needs
   * a deployment. Their client ids must then be added to the API's accepted audiences.
   */
  private createUserPool(deployment: Deployment): { userPool: UserPool; humanClient: UserPoolClient; tokenUrl: string; portaalClient: UserPoolClient; loginUrl: string } {
    const userPool = new UserPool(this, 'UserPool', {
      userPoolName: `werkcoop-${deployment.name}`,
      // Coordinators create accounts; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The mail Cognito sends when an account is made for a partner's staff member (AdminCreateUser, by the
      // accounts consumer): the temporary password is valid for tempPasswordValidity below.
      userInvitation: {
        emailSubject: 'Uw toegang tot werkcoop',
        emailBody:
          'Beste collega,<br><br>U heeft toegang gekregen tot werkcoop, het systeem van de coöperatie voor duurzame plaatsingen. Uw gebruikersnaam is {username} en uw tijdelijke wachtwoord is {####}<br><br>Bij de eerste keer aanmelden kiest u een eigen wachtwoord en stelt u tweestapsverificatie in. Het tijdelijke wachtwoord is drie dagen geldig; daarna kan de coördinator u opnieuw uitnodigen.',
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 12,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        // Mutable for coordinators (admin API); the app client below cannot write them, so a user cannot
        // promote themself.
        [USER_ATTRIBUTE_ROL]: new StringAttribute({ mutable: true, minLen: 1, maxLen: 32 }),
        [USER_ATTRIBUTE_TENANT]: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const tokenClaims = new WerkcoopFunction(this, 'TokenClaims', {
      entry: 'functions/auth/token-claims.ts',
      deployment,
      description: `Cognito pre-token-generation: ${CLAIM_ROL} and ${CLAIM_TENANT} in the access token`,
      timeout: Duration.seconds(5),
      memorySize: 128,
      logKey: this.logKey,
    }).bindTable(this.table, 'read');
    userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, tokenClaims, LambdaVersion.V3_0);

    const apiScope = new ResourceServerScope({ scopeName: API_SCOPE, scopeDescription: 'De werkcoop-API aanroepen' });
    const resourceServer = userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: 'werkcoop API',
      scopes: [apiScope],
    });

    // Used by the hosted login and by the client-credentials token endpoint of machine clients.
    const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: `werkcoop-${deployment.name}` } });

    const humanClient = userPool.addClient('HumanClient', {
      userPoolClientName: 'mensen',
      // A public client (the portal in the browser): no secret. Cognito accepts a code without PKCE, so the
      // portal must send an S256 code_challenge; that is what protects its code exchange.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.resourceServer(resourceServer, apiScope)],
        callbackUrls: [...deployment.oauthCallbackUrls],
        logoutUrls: [...deployment.oauthLogoutUrls],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    /**
     * The portal's client: a public client (no secret) with PKCE, whose code the sign-in function exchanges
     * server-side. A secret would add little: the code is bound to the verifier that never leaves our table
     * and to the exact callback URL, and the tokens are read once, for the ID token, and never kept or given
     * to the browser. It would cost a secret that CloudFormation can only hand to Secrets Manager through a
     * custom resource (a function and permissions of its own), read at every cold start. Its scopes are openid and email only: without the API's
     * scope, and with an audience the API does not accept, its tokens are worth nothing against the API.
     * Short token lifetimes for the same reason; the portal's own session bounds how long one stays in.
     */
    const portaalClient = userPool.addClient('PortaalClient', {
      userPoolClientName: 'portaal',
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [...deployment.oauthCallbackUrls],
        logoutUrls: [...deployment.oauthLogoutUrls],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(5),
      accessTokenValidity: Duration.minutes(5),
      refreshTokenValidity: Duration.minutes(60),
      // The ID token must carry rol and tenant (the sign-in maps them as the token trigger does); only the name is writable.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    return { userPool, humanClient, tokenUrl: `${domain.baseUrl()}/oauth2/token`, portaalClient, loginUrl: domain.baseUrl() };
  }
}
