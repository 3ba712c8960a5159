import './tiptap-base.css'
import './styles.css'
import './components/plenum-app.ts'
