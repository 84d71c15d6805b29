import { amiId } from "./derived-ids";
import type { FindingRecord } from "./finding-shape";

type Shape = Readonly<Record<string, unknown>>;
type Values = Readonly<Record<string, (record: FindingRecord) => unknown>>;

/** How findings are grouped and counted for one `aggregationType`. */
export interface AggregationKind {
    /** The member of AggregationRequest and AggregationResponse, which is also the request's shape name, lowered. */
    readonly member: string;
    /** The request structure in the model, whose filter lists `values` answer. */
    readonly requestShape: string;
    /** The group of a finding; undefined when the finding is not in this aggregation. */
    readonly groupOf: (record: FindingRecord) => string | undefined;
    /** The values of the request's filter lists (StringFilterList and the like) for one finding. */
    readonly values: Values;
    /** The request's single-value members (findingType, resourceType) a finding must equal. */
    readonly exact?: Values;
    /** One response entry of a group, without its counts. */
    readonly entry: (records: readonly FindingRecord[]) => Record<string, unknown>;
    /** `sortBy` values beyond CRITICAL, HIGH and ALL. */
    readonly sortBy?: Readonly<Record<string, (records: readonly FindingRecord[]) => number>>;
}

const image = (record: FindingRecord) => record.resource.ecrImage;
const lambda = (record: FindingRecord) => record.resource.lambdaFunction;
const instance = (record: FindingRecord) => record.resource.ec2Instance;
const packageName = (record: FindingRecord) => record.finding.packageName;
const title = (record: FindingRecord) => record.shape.title as string;
const ofType = (type: string, record: FindingRecord) => record.resource.resourceType === type;
const affected = (records: readonly FindingRecord[]) =>
    new Set(records.map((record) => record.resource.key)).size;
const first = (records: readonly FindingRecord[]) => records[0];
const byAccount = (record: FindingRecord) => record.resource.accountId;
const byResource = (type: string) => (record: FindingRecord) =>
    ofType(type, record)
        ? JSON.stringify([record.resource.accountId, record.resource.resourceId])
        : undefined;
const findingAndResourceType: Values = {
    findingType: (record) => record.shape.type,
    resourceType: (record) => record.resource.resourceType,
};

/** Only findings of other clouds or of layers fall in these; emulated findings have neither. */
const none = (member: string, requestShape: string): AggregationKind => ({
    member,
    requestShape,
    groupOf: () => undefined,
    values: {},
    entry: () => ({}),
});

/**
 * The aggregation types, by `aggregationType`. Layer aggregations and those of other clouds (VM_INSTANCE,
 * CONTAINER_IMAGE, SERVERLESS_FUNCTION) are always empty: emulated resources have no layers and are all in AWS.
 */
export const AGGREGATIONS: Readonly<Record<string, AggregationKind>> = {
    ACCOUNT: {
        member: "accountAggregation",
        requestShape: "AccountAggregation",
        groupOf: byAccount,
        values: {},
        exact: findingAndResourceType,
        entry: (records) => ({
            accountId: first(records).resource.accountId,
            exploitAvailableCount: records.filter((record) => record.finding.exploitAvailable).length,
            fixAvailableCount: records.filter((record) => record.finding.fixedInVersion !== undefined).length,
        }),
    },
    FINDING_TYPE: {
        member: "findingTypeAggregation",
        requestShape: "FindingTypeAggregation",
        groupOf: byAccount,
        values: {},
        exact: findingAndResourceType,
        entry: (records) => ({
            accountId: first(records).resource.accountId,
            exploitAvailableCount: records.filter((record) => record.finding.exploitAvailable).length,
            fixAvailableCount: records.filter((record) => record.finding.fixedInVersion !== undefined).length,
        }),
    },
    TITLE: {
        member: "titleAggregation",
        requestShape: "TitleAggregation",
        groupOf: title,
        values: { titles: title, vulnerabilityIds: (record) => record.finding.vulnerabilityId },
        exact: findingAndResourceType,
        entry: (records) => ({
            title: title(first(records)),
            vulnerabilityId: first(records).finding.vulnerabilityId,
        }),
    },
    PACKAGE: {
        member: "packageAggregation",
        requestShape: "PackageAggregation",
        groupOf: packageName,
        values: { packageNames: packageName },
        entry: (records) => ({ packageName: packageName(first(records)) }),
    },
    REPOSITORY: {
        member: "repositoryAggregation",
        requestShape: "RepositoryAggregation",
        groupOf: (record) =>
            image(record)
                ? JSON.stringify([record.resource.accountId, image(record)?.repositoryName])
                : undefined,
        values: { repositories: (record) => image(record)?.repositoryName },
        entry: (records) => ({
            repository: image(first(records))?.repositoryName,
            accountId: first(records).resource.accountId,
            affectedImages: affected(records),
        }),
        sortBy: { AFFECTED_IMAGES: affected },
    },
    AMI: {
        member: "amiAggregation",
        requestShape: "AmiAggregation",
        groupOf: (record) =>
            instance(record)
                ? JSON.stringify([record.resource.accountId, amiId(record.resource.resourceId)])
                : undefined,
        values: { amis: (record) => (instance(record) ? amiId(record.resource.resourceId) : undefined) },
        entry: (records) => ({
            ami: amiId(first(records).resource.resourceId),
            accountId: first(records).resource.accountId,
            affectedInstances: affected(records),
        }),
        sortBy: { AFFECTED_INSTANCES: affected },
    },
    AWS_ECR_CONTAINER: {
        member: "awsEcrContainerAggregation",
        requestShape: "AwsEcrContainerAggregation",
        groupOf: byResource("AWS_ECR_CONTAINER_IMAGE"),
        values: {
            resourceIds: (record) => record.resource.resourceId,
            imageShas: (record) => image(record)?.imageHash,
            repositories: (record) => image(record)?.repositoryName,
            architectures: () => "amd64",
            imageTags: (record) => image(record)?.imageTags,
        },
        entry: (records) => {
            const { resource } = first(records);
            return {
                resourceId: resource.resourceId,
                imageSha: resource.ecrImage?.imageHash,
                repository: resource.ecrImage?.repositoryName,
                architecture: "amd64",
                imageTags: resource.ecrImage?.imageTags,
                accountId: resource.accountId,
            };
        },
    },
    AWS_EC2_INSTANCE: {
        member: "ec2InstanceAggregation",
        requestShape: "Ec2InstanceAggregation",
        groupOf: byResource("AWS_EC2_INSTANCE"),
        values: {
            amis: (record) => amiId(record.resource.resourceId),
            operatingSystems: (record) => instance(record)?.platform,
            instanceIds: (record) => record.resource.resourceId,
            instanceTags: () => ({}),
        },
        entry: (records) => {
            const { resource } = first(records);
            return {
                instanceId: resource.resourceId,
                ami: amiId(resource.resourceId),
                operatingSystem: resource.ec2Instance?.platform,
                instanceTags: {},
                accountId: resource.accountId,
                networkFindings: 0,
            };
        },
        sortBy: { NETWORK_FINDINGS: () => 0 },
    },
    AWS_LAMBDA_FUNCTION: {
        member: "lambdaFunctionAggregation",
        requestShape: "LambdaFunctionAggregation",
        groupOf: byResource("AWS_LAMBDA_FUNCTION"),
        values: {
            resourceIds: (record) => record.resource.resourceId,
            functionNames: (record) => lambda(record)?.functionName,
            runtimes: (record) => lambda(record)?.runtime,
            functionTags: () => ({}),
        },
        entry: (records) => {
            const record = first(records);
            const details = (record.shape.resources as Shape[])[0].details as Shape;
            return {
                resourceId: record.resource.resourceId,
                functionName: lambda(record)?.functionName,
                runtime: lambda(record)?.runtime,
                lambdaTags: {},
                accountId: record.resource.accountId,
                lastModifiedAt: (details.awsLambdaFunction as Shape).lastModifiedAt,
            };
        },
    },
    CODE_REPOSITORY: {
        member: "codeRepositoryAggregation",
        requestShape: "CodeRepositoryAggregation",
        groupOf: byResource("CODE_REPOSITORY"),
        values: {
            projectNames: (record) => record.resource.codeRepository?.projectName,
            providerTypes: () => "GITHUB",
            resourceIds: (record) => record.resource.resourceId,
        },
        entry: (records) => ({
            projectNames: first(records).resource.codeRepository?.projectName,
            providerType: "GITHUB",
            exploitAvailableActiveFindingsCount: records.filter((record) => record.finding.exploitAvailable)
                .length,
            fixAvailableActiveFindingsCount: records.filter(
                (record) => record.finding.fixedInVersion !== undefined,
            ).length,
            accountId: first(records).resource.accountId,
            resourceId: first(records).resource.resourceId,
        }),
    },
    IMAGE_LAYER: none("imageLayerAggregation", "ImageLayerAggregation"),
    LAMBDA_LAYER: none("lambdaLayerAggregation", "LambdaLayerAggregation"),
    VM_INSTANCE: none("vmInstanceAggregation", "VmInstanceAggregation"),
    CONTAINER_IMAGE: none("containerImageAggregation", "ContainerImageAggregation"),
    SERVERLESS_FUNCTION: none("serverlessFunctionAggregation", "ServerlessFunctionAggregation"),
};

/** The model's `SeverityCounts` of a group's findings. */
export function severityCounts(records: readonly FindingRecord[]): Record<string, number> {
    const count = (severity: string) =>
        records.filter((record) => record.finding.severity === severity).length;
    return { all: records.length, critical: count("CRITICAL"), high: count("HIGH"), medium: count("MEDIUM") };
}
