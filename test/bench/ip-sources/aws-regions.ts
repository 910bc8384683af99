/**
 * A labelled sample for the IP-data comparison (docs/IP-DATA.md): prefixes that Amazon itself publishes with the
 * region they serve, from its ip-ranges.json as mirrored in seligman/aws-ip-ranges (createDate 2021-01-27, the
 * first 100 entries, service AMAZON), "GLOBAL" entries left out. The region is the operator's own statement of
 * where the addresses are used; a region maps to one country. Five years old: a prefix may have moved since, so
 * this is a check of tendencies, not an answer key.
 */
export const AWS_REGION_COUNTRY: Record<string, string> = {
  'us-east-1': 'US', 'us-east-2': 'US', 'us-west-1': 'US', 'us-west-2': 'US', 'us-gov-west-1': 'US',
  'eu-west-1': 'IE', 'eu-west-2': 'GB', 'eu-west-3': 'FR', 'eu-central-1': 'DE', 'eu-south-1': 'IT', 'eu-north-1': 'SE',
  'ap-northeast-1': 'JP', 'ap-northeast-2': 'KR', 'ap-northeast-3': 'JP', 'ap-southeast-1': 'SG', 'ap-southeast-2': 'AU',
  'ap-east-1': 'HK', 'ap-south-1': 'IN', 'sa-east-1': 'BR', 'af-south-1': 'ZA', 'me-south-1': 'BH', 'me-central-1': 'AE',
  'cn-northwest-1': 'CN',
};

export const AWS_PREFIXES: ReadonlyArray<readonly [prefix: string, region: string]> = [
  ['3.5.140.0/22', 'ap-northeast-2'], ['35.180.0.0/16', 'eu-west-3'], ['52.93.178.234/32', 'us-west-1'], ['52.94.76.0/22', 'us-west-2'],
  ['52.95.36.0/22', 'ap-southeast-2'], ['150.222.81.0/24', 'eu-west-1'], ['13.34.24.160/27', 'us-west-2'], ['15.230.39.60/31', 'us-east-2'],
  ['52.219.168.0/24', 'eu-central-1'], ['150.222.78.0/24', 'ap-southeast-1'], ['15.230.39.208/31', 'us-east-2'], ['52.93.17.0/24', 'eu-west-1'],
  ['52.93.127.163/32', 'us-east-1'], ['52.93.240.164/31', 'us-west-2'], ['52.95.150.0/24', 'eu-west-2'], ['52.219.60.0/23', 'ap-northeast-2'],
  ['150.222.230.102/31', 'eu-central-1'], ['3.2.0.0/24', 'us-east-1'], ['13.248.56.0/22', 'ap-east-1'], ['13.248.117.0/24', 'ap-south-1'],
  ['15.221.34.0/24', 'ap-northeast-1'], ['15.230.137.0/24', 'us-east-1'], ['52.93.126.135/32', 'eu-central-1'], ['52.93.178.219/32', 'us-west-1'],
  ['52.93.240.186/31', 'us-west-2'], ['52.94.24.0/23', 'eu-west-1'], ['150.222.3.187/32', 'ap-southeast-1'], ['150.222.199.0/25', 'us-west-1'],
  ['15.230.39.44/31', 'us-east-2'], ['43.249.45.0/24', 'ap-northeast-2'], ['52.4.0.0/14', 'us-east-1'], ['52.93.127.27/32', 'eu-west-1'],
  ['52.144.227.192/26', 'ap-northeast-2'], ['52.144.229.64/26', 'ap-northeast-1'], ['64.252.81.0/24', 'sa-east-1'], ['50.16.0.0/15', 'us-east-1'],
  ['52.93.127.133/32', 'ap-south-1'], ['52.95.208.0/22', 'us-east-1'], ['52.95.224.0/24', 'eu-south-1'], ['150.222.84.0/24', 'ap-south-1'],
  ['150.222.208.82/31', 'af-south-1'], ['13.34.32.128/27', 'us-west-1'], ['15.193.3.0/24', 'ap-southeast-2'], ['52.93.127.169/32', 'us-east-1'],
  ['52.93.153.148/32', 'eu-west-2'], ['52.94.244.0/22', 'us-east-1'], ['52.119.208.0/23', 'us-gov-west-1'], ['54.240.236.26/32', 'eu-south-1'],
  ['150.222.3.190/32', 'ap-southeast-1'], ['150.222.228.0/24', 'sa-east-1'], ['13.34.34.192/27', 'me-central-1'], ['15.230.39.10/31', 'us-east-2'],
  ['15.230.131.2/32', 'eu-central-1'], ['52.82.169.16/28', 'cn-northwest-1'], ['52.93.34.56/32', 'us-west-1'], ['52.94.198.16/28', 'sa-east-1'],
  ['52.144.225.128/26', 'ap-northeast-1'], ['64.252.69.0/24', 'us-east-1'], ['150.222.122.104/31', 'eu-central-1'], ['13.236.0.0/14', 'ap-southeast-2'],
  ['52.46.220.0/22', 'eu-north-1'], ['52.93.50.128/32', 'us-east-1'], ['52.93.50.140/31', 'us-east-1'], ['52.93.56.0/24', 'eu-west-2'],
  ['52.93.178.152/32', 'us-west-1'], ['52.95.41.0/24', 'us-east-1'], ['52.95.100.0/22', 'us-gov-west-1'], ['52.95.226.0/24', 'ap-east-1'],
  ['99.78.152.0/22', 'af-south-1'], ['150.222.135.0/24', 'ap-east-1'], ['150.222.202.0/24', 'eu-west-1'], ['176.32.125.244/31', 'us-east-1'],
  ['3.4.0.0/24', 'us-east-1'], ['15.177.83.0/24', 'ap-southeast-2'], ['15.185.0.0/16', 'me-south-1'], ['15.221.35.0/24', 'ap-southeast-1'],
  ['15.230.39.28/31', 'us-east-2'], ['52.93.35.212/32', 'ap-east-1'], ['52.93.127.118/32', 'eu-west-1'], ['52.93.178.205/32', 'us-west-1'],
  ['52.94.26.0/23', 'eu-west-1'], ['52.95.182.0/23', 'ap-northeast-3'], ['54.240.236.54/32', 'eu-south-1'], ['54.247.0.0/16', 'eu-west-1'],
  ['54.248.0.0/15', 'ap-northeast-1'], ['15.230.39.196/31', 'us-east-2'], ['52.119.252.0/22', 'us-west-2'], ['54.148.0.0/15', 'us-west-2'],
  ['99.77.130.0/24', 'us-west-2'], ['150.222.3.185/32', 'ap-southeast-1'], ['18.200.0.0/16', 'eu-west-1'], ['54.206.0.0/16', 'ap-southeast-2'],
  ['54.240.236.69/32', 'eu-south-1'], ['99.150.56.0/21', 'us-west-2'], ['108.175.56.0/22', 'us-gov-west-1'], ['150.222.96.0/24', 'eu-west-1'],
  ['150.222.243.19/32', 'eu-south-1'], ['13.34.29.224/27', 'us-east-1'], ['13.248.124.0/24', 'us-east-1'], ['15.193.2.0/24', 'ap-southeast-1'],
  ['52.93.178.136/32', 'us-west-1'], ['99.77.132.0/24', 'us-west-1'],
];
