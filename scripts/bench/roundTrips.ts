/** npm run bench: each measured action's store round trips at 10 and at 1,000 records (tests/support/roundTripScenario). */
import { measureRoundTrips } from '../../tests/support/roundTripScenario';

async function main() {
  const small = await measureRoundTrips(10);
  const large = await measureRoundTrips(1000);
  const rows = [...small.keys()].map((label) => ({ label, small: small.get(label)!, large: large.get(label)! }));
  console.log(JSON.stringify(rows));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
