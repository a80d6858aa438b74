// Nothing in the tests may reach Tencent's cloud: the SDK's metadata probe stays off.
process.env.TENCENTCLOUD = 'true';
// The bureau's time zone, as on the servers (some date libraries read the process's own zone).
process.env.TZ = 'Asia/Shanghai';
