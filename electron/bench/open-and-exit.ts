// The floor of a whole-process export (process-figures.ts): open the database as the command line does, and exit.
import { openDatabase } from '../../db/open.ts';

openDatabase(process.argv[2]!).close();
