import './tiptap-base.css'
import './styles.css'
import './floor.css'
import './components/plenum-app.ts'
