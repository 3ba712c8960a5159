import './tiptap-base.css'
import './styles.css'
import './floor.css'
import './text-history.css'
import './components/plenum-app.ts'
import { keepAppFiles } from './app-cache.ts'

keepAppFiles()
