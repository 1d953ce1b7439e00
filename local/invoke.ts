// `npm run invoke -- <function> <event.json>`: runs one function's handler on an event file and prints its
// response as JSON. quiet.js first: Powertools logs only warnings unless POWERTOOLS_LOG_LEVEL says otherwise.
import './quiet.js';
import { runInvoke } from './invoke-cli.js';

process.exit(await runInvoke(process.argv.slice(2), process.env));
