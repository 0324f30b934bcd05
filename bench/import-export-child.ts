// One phase of the import-export bench in this process: `node <bundle of this file> PHASE ARGS`
// (or `node --import tsx bench/import-export-child.ts PHASE ARGS` from source, e.g. to profile).
import { runPhaseHere } from './import-export-phases';

void runPhaseHere(process.argv[2] ?? '', process.argv[3] ?? '{}');
