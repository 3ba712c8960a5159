import './styles.css'
import './components/plenum-app.ts'
