// Nothing in the tests may reach Tencent's cloud: the SDK's metadata probe stays off.
process.env.TENCENTCLOUD = 'true';
